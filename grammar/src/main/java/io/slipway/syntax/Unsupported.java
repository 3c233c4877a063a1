package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.grammar.SlipParser.ModifiedDeclContext;
import io.slipway.grammar.SlipParser.SupertypeContext;
import io.slipway.grammar.SlipParser.UnsupportedClassDeclContext;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Stmt;
import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Kotlin constructs Slipway does not have yet, named as such in one diagnostic
 * ("`sealed class` is not supported yet"), after which the declaration is built as if the
 * unsupported part were absent, so nothing else is reported about it.
 */
final class Unsupported {
  private Unsupported() {}

  static Stmt modified(AstBuilder ast, DeclarationBuilder decls, Span span, ModifiedDeclContext m) {
    List<TerminalNode> mods = m.MODIFIER();
    ParseTree inner = m.getChild(m.getChildCount() - 1);
    String word = keyword(inner);
    String what = mods.stream().map(TerminalNode::getText).collect(Collectors.joining(" "))
        + (word.isEmpty() ? "" : " " + word);
    Span where = ast.spans.of(mods.get(0)).join(ast.spans.of(mods.get(mods.size() - 1)));
    ast.errors.add(Code.E0100, where, "`" + what + "` is not supported yet",
        hint(mods.get(0).getText()), null, false);
    if (inner instanceof UnsupportedClassDeclContext u) {
      return decls.unsupportedClass(ast.spans.of(u), u, false);
    }
    return ast.statements.statement(inner, ast.spans.of((ParserRuleContext) inner));
  }

  /** {@code data class Circle(...) : Shape()}: reported once, the supertypes ignored. */
  static void supertypes(AstBuilder ast, List<SupertypeContext> supers) {
    Span where = ast.spans.of(supers.get(0)).join(ast.spans.of(supers.get(supers.size() - 1)));
    ast.errors.add(Code.E0100, where, "a class extending another is not supported yet",
        "remove `: " + supers.get(0).getText() + "`; Slipway has no inheritance", null, false);
  }

  private static String keyword(ParseTree inner) {
    if (!(inner instanceof ParserRuleContext ctx) || ctx.getStart() == null) {
      return "";
    }
    String first = ctx.getStart().getText();
    return switch (first) {
      case "data", "enum" -> first + " class";
      default -> first;
    };
  }

  private static String hint(String modifier) {
    return switch (modifier) {
      case "private", "public", "internal", "protected" ->
          "declarations are visible to the files that import them; remove `" + modifier + "`";
      case "sealed" -> "use an `enum class`, or one `data class` with a `kind` property";
      case "override" -> "Slipway has no inheritance; remove `override`";
      case "lateinit" -> "use a nullable `var x: T? = null`, or give it a value";
      case "companion" -> "use a top-level `object`";
      case "inline", "suspend", "tailrec", "operator", "infix", "external" ->
          "remove `" + modifier + "`: Slipway functions need no modifier";
      default -> "classes are `data class`es, `enum class`es and `object`s; remove `" + modifier + "`";
    };
  }
}
