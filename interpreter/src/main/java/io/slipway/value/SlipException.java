package io.slipway.value;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;

/**
 * A Slipway error in flight: thrown by builtins and {@code throw}, caught by {@code try/catch}.
 * It carries no Java stack trace (users never see one) but the Slipway location where it was
 * raised, filled in by the interpreter when a builtin threw it without one.
 */
public final class SlipException extends RuntimeException {
  private final ErrorValue error;
  private SourceFile file;
  private Span span;
  private String stage;

  public SlipException(ErrorValue error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public SlipException(String type, String message) {
    this(new ErrorValue(type, message, null));
  }

  /** A plain {@code Error}. */
  public static SlipException error(String message) {
    return new SlipException("Error", message);
  }

  /** An {@code EngineError}: the container engine refused or failed an operation. */
  public static SlipException engine(String message) {
    return new SlipException("EngineError", message);
  }

  public ErrorValue error() {
    return error;
  }

  public SourceFile file() {
    return file;
  }

  public Span span() {
    return span;
  }

  public String stage() {
    return stage;
  }

  /** Records where the error surfaced, unless already known. */
  public SlipException locate(SourceFile f, Span s) {
    if (this.span == null) {
      this.file = f;
      this.span = s;
    }
    return this;
  }

  public SlipException inStage(String name) {
    if (this.stage == null) {
      this.stage = name;
    }
    return this;
  }
}
