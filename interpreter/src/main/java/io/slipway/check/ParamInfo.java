package io.slipway.check;

import io.slipway.source.SourceFile;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;

/** One {@code param} declaration of the pipeline file with its checked type. */
public record ParamInfo(String name, Type type, Stmt.ParamDecl decl, SourceFile file) {}
