package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.TemplatePart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The stage graph of one {@code pipeline(...)} as far as it is known at check time: unique literal
 * stage names (E0403), {@code needs} entries naming existing stages (E0404) without cycles (E0405).
 * Stage names built from templates (inside {@code matrix}) are matched as patterns.
 */
final class PipelineRules {
  private record Need(String name, Span span) {}

  private record StageDecl(String name, Span span, List<Need> needs) {}

  private final Ctx cx;
  private final SourceFile file;
  private final Map<String, StageDecl> stages = new LinkedHashMap<>();
  private final List<StageDecl> all = new ArrayList<>();
  private final List<Pattern> templates = new ArrayList<>();

  PipelineRules(Ctx cx) {
    this.cx = cx;
    this.file = cx.file;
  }

  /** Records a checked {@code stage(...)} call of the DSL. */
  void stage(Expr.Call c, Env env) {
    Expr nameExpr = null;
    Expr needsExpr = null;
    int positional = 0;
    for (Arg a : c.args()) {
      if (a.name() == null) {
        if (positional == 0) {
          nameExpr = a.value();
        } else if (positional == 1) {
          needsExpr = a.value();
        }
        positional++;
      } else if (a.name().text().equals("name")) {
        nameExpr = a.value();
      } else if (a.name().text().equals("needs")) {
        needsExpr = a.value();
      }
    }
    List<Need> needs = new ArrayList<>();
    if (needsExpr instanceof Expr.Call lc && lc.callee() instanceof Expr.Name ln
        && ln.id().endsWith("istOf")) {
      for (Arg a : lc.args()) {
        String n = CallChecker.literal(a.value());
        if (n != null) {
          needs.add(new Need(n, a.value().span()));
        }
      }
    }
    String name = nameExpr == null ? null : CallChecker.literal(nameExpr);
    var decl = new StageDecl(name, nameExpr == null ? c.span() : nameExpr.span(), needs);
    all.add(decl);
    if (name == null) {
      if (nameExpr instanceof Expr.Str s) {
        templates.add(pattern(s));
      }
      return;
    }
    StageDecl first = stages.get(name);
    if (first != null) {
      cx.out.add(cx.error(Code.E0403, decl.span(), "duplicate stage name `" + name + "`")
          .withRelated(cx.label(file, first.span(), "`" + name + "` is first declared here")));
      return;
    }
    stages.put(name, decl);
  }

  private static Pattern pattern(Expr.Str s) {
    var sb = new StringBuilder();
    for (TemplatePart p : s.parts()) {
      sb.append(p instanceof TemplatePart.Text t ? Pattern.quote(t.text()) : ".*");
    }
    return Pattern.compile(sb.toString());
  }

  /** Checks {@code needs} once every stage of the pipeline is known. */
  void finish() {
    for (StageDecl s : all) {
      for (Need n : s.needs()) {
        if (!stages.containsKey(n.name()) && templates.stream().noneMatch(p -> p.matcher(n.name()).matches())) {
          cx.report(Code.E0404, n.span(), "unknown stage `" + n.name() + "` in `needs`",
              DidYouMean.hint(n.name(), stages.keySet()));
        }
      }
    }
    cycles();
  }

  private void cycles() {
    Map<String, Integer> state = new HashMap<>();
    for (String s : stages.keySet()) {
      visit(s, state, new ArrayList<>());
    }
  }

  /** Depth-first search; state 1 = on the current path, 2 = done. */
  private void visit(String s, Map<String, Integer> state, List<String> path) {
    Integer st = state.get(s);
    if (st != null) {
      return;
    }
    state.put(s, 1);
    path.add(s);
    for (Need n : stages.get(s).needs()) {
      if (!stages.containsKey(n.name())) {
        continue;
      }
      Integer ns = state.get(n.name());
      if (ns != null && ns == 1) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(n.name()), path.size()));
        cycle.add(n.name());
        cx.report(Code.E0405, n.span(), "cycle in `needs`: " + String.join(" -> ",
            cycle.stream().map(x -> "`" + x + "`").toList()));
      } else if (ns == null) {
        visit(n.name(), state, path);
      }
    }
    path.remove(path.size() - 1);
    state.put(s, 2);
  }
}
