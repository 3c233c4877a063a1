package io.slipway.diag;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;

/** A secondary location of a diagnostic, e.g. "'x' previously declared here". */
public record Label(SourceFile file, Span span, String message) {}
