package io.slipway.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.source.SourceFile;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TemplatePart;
import org.junit.jupiter.api.Test;

/** Spans, incompleteness and the facts other passes rely on, checked directly. */
class ParseResultTest {

  private static ParseResult parse(String text) {
    return SlipParser.parse(SourceFile.of("t.slip", text));
  }

  @Test
  void spansAreUtf16OffsetsAndColumnsCountCodePoints() {
    String text = "val s = \"🚀🚀\" + )\n";
    ParseResult r = parse(text);
    assertThat(r.diagnostics()).hasSize(1);
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.span().start()).isEqualTo(text.indexOf(')'));
    assertThat(d.column()).isEqualTo(text.codePointCount(0, text.indexOf(')')) + 1);
  }

  @Test
  void nodeSpansAfterAnEmojiPointAtTheRightText() {
    String text = "val s = \"😀\"\nval answer = 42\n";
    ParseResult r = parse(text);
    assertThat(r.ok()).isTrue();
    var decl = (Stmt.VarDecl) r.program().items().get(1);
    assertThat(text.substring(decl.span().start(), decl.span().end())).isEqualTo("val answer = 42");
    assertThat(text.substring(decl.init().span().start(), decl.init().span().end())).isEqualTo("42");
  }

  @Test
  void unclosedConstructsAtTheEndAreIncomplete() {
    assertThat(parse("pipeline(\"x\") {\n  stage(\"a\") {\n").incomplete()).isTrue();
    assertThat(parse("val x = listOf(1,\n").incomplete()).isTrue();
    assertThat(parse("val s = \"\"\"\nabc\n").incomplete()).isTrue();
    assertThat(parse("val x =").incomplete()).isTrue();
    assertThat(parse("/* open").incomplete()).isTrue();
    // a trailing operator inside an open block: the `}` added at the end is not the mistake
    ParseResult r = parse("fun f(): Int {\n  return 7 *\n");
    assertThat(r.incomplete()).isTrue();
    assertThat(r.diagnostics()).extracting(Diagnostic::message).doesNotHaveDuplicates()
        .noneMatch(m -> m.contains("unexpected `}`"));
    assertThat(parse("fun f(): Int {\n  val x = \n").incomplete()).isTrue();
    assertThat(parse("pipeline(\"p\") {\n  stage(\"a\") { sh(\"x\" +\n").incomplete()).isTrue();
  }

  @Test
  void aStringWaitingForTheCloseOfItsTemplateIsIncomplete() {
    // a "..." string may not span lines, but inside `${` newlines are free: more input can
    // close the expression, then the string
    for (String text : new String[] {"val s = \"a ${1 +\n", "val s = \"a ${\n",
        "val s = \"a ${listOf(1,\n", "val s = $$\"a $${1 +\n", "val s = \"\"\"a ${1 +\n"}) {
      ParseResult r = parse(text);
      assertThat(r.incomplete()).as(text).isTrue();
      assertThat(r.diagnostics()).as(text).hasSize(1);
      assertThat(r.diagnostics().get(0).message()).as(text).startsWith("missing `");
    }
    assertThat(parse("val s = \"a ${1 +\n2}\"\n").ok()).isTrue();
    // the inner string of the template is cut off by the newline: a real error
    assertThat(parse("val s = \"a ${ \"b\n").incomplete()).isFalse();
  }

  @Test
  void aMissingFinalBraceKeepsTheBlockInTheAst() {
    ParseResult r = parse("pipeline(\"x\") {\n  stage(\"a\") { sh(\"make\") }\n");
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0102);
    assertThat(r.incomplete()).isTrue();
    var call = (Expr.Call) ((Stmt.ExprStmt) r.program().items().get(0)).expr();
    assertThat(call.trailing()).isNotNull();
    assertThat(call.trailing().body().stmts()).hasSize(1);
  }

  @Test
  void realErrorsAreNotIncomplete() {
    assertThat(parse("val x = )").incomplete()).isFalse();
    assertThat(parse("val x = \"abc\n").incomplete()).isFalse();
    // no further line can close a "..." string: it ends on its line (spec), so it is an error
    assertThat(parse("val x = \"abc").diagnostics()).extracting(Diagnostic::code)
        .containsExactly(Code.E0101);
    assertThat(parse("val x = \"abc").incomplete()).isFalse();
    // One real error and one missing brace: the REPL must show the error, not wait.
    assertThat(parse("val x = )\nfun f() {\n").incomplete()).isFalse();
    assertThat(parse("if (x) { val = 3\n").incomplete()).isFalse();
    assertThat(parse("val x = 1\n").incomplete()).isFalse();
  }

  @Test
  void errorsLeaveErrorNodesAndTheRestOfTheFileIsBuilt() {
    ParseResult r = parse("val a = (1 + )\nval b = 2\n");
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0100);
    assertThat(r.program().items()).hasSize(2);
    assertThat(r.program().items().get(1)).isInstanceOf(Stmt.VarDecl.class);
  }

  @Test
  void everySyntaxErrorOfAFileIsReported() {
    ParseResult r = parse("val a = 1 +* 2\nval b = )\nval c = 2mb\nval d = \"\\q\"\n");
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactly(Code.E0100, Code.E0100, Code.E0104, Code.E0107);
  }

  @Test
  void rawStringsAreTrimmedLikeKotlin() {
    var r = parse("val s = \"\"\"\n    a\n      b $x\n    c\n    \"\"\"\n");
    var str = (Expr.Str) ((Stmt.VarDecl) r.program().items().get(0)).init();
    assertThat(str.raw()).isTrue();
    assertThat(str.parts()).hasSize(3);
    assertThat(((TemplatePart.Text) str.parts().get(0)).text()).isEqualTo("a\n  b ");
    assertThat(((TemplatePart.Text) str.parts().get(2)).text()).isEqualTo("\nc");
    assertThat(TrimIndent.trimIndent("\n  x\n\n    y\n  ")).isEqualTo("x\n\n  y");
    assertThat(TrimIndent.trimIndent("single")).isEqualTo("single");
  }

  @Test
  void windowsLineEndingsParseLikeUnixOnes() {
    String unix = "pipeline(\"x\") {\n  // c\n  stage(\"a\") {\n    sh(\"make\")\n  }\n}\n"
        + "val s = \"\"\"\n  a\n  b\n\"\"\"\n";
    ParseResult lf = parse(unix);
    ParseResult crlf = parse(unix.replace("\n", "\r\n"));
    assertThat(crlf.diagnostics()).isEmpty();
    assertThat(AstPrinter.toSexpr(crlf.program())).isEqualTo(AstPrinter.toSexpr(lf.program()));
  }

  @Test
  void incrementIsAnAssignment() {
    var r = parse("i++\n");
    var assign = (Stmt.Assign) r.program().items().get(0);
    assertThat(assign.op()).isEqualTo(io.slipway.syntax.ast.AssignOp.ADD);
    assertThat(assign.value()).isEqualTo(new Expr.IntLit(assign.value().span(), 1));
  }

  @Test
  void docCommentsAttachToTheFollowingDeclarationOnly() {
    var r = parse("/** Says hi. */\nfun hi() = 1\n/** stray */\n\nval x = 1\nfun bye() = 2\n");
    assertThat(((Stmt.FunDecl) r.program().items().get(0)).doc()).isEqualTo("Says hi.");
    assertThat(((Stmt.FunDecl) r.program().items().get(2)).doc()).isNull();
  }
}
