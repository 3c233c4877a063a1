package io.slipway.compose.yaml;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Label;
import io.slipway.diag.Severity;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML document into {@link YamlNode}s with positions. snakeyaml composes the node
 * graph (with its limits against alias bombs and deep nesting); scalars are resolved with YAML
 * 1.1's rules, as PyYAML (docker-compose's parser) resolves them. Syntax errors, unsupported tags,
 * recursive aliases and several documents in one file become located {@code E0701} diagnostics,
 * never exceptions.
 */
public final class YamlReader {
  private final SourceFile file;
  private final List<Diagnostic> problems;
  private final ScalarValues scalars;
  private final IdentityHashMap<Node, Boolean> open = new IdentityHashMap<>();

  private YamlReader(SourceFile file, List<Diagnostic> problems) {
    this.file = file;
    this.problems = problems;
    this.scalars = new ScalarValues(options());
  }

  /**
   * Parses {@code file}'s text; problems (errors and warnings) are added to {@code problems}.
   * Returns null for an empty document or when the text is not valid YAML.
   */
  public static YamlNode read(SourceFile file, List<Diagnostic> problems) {
    return new YamlReader(file, problems).read();
  }

  static LoaderOptions options() {
    LoaderOptions o = new LoaderOptions();
    o.setMaxAliasesForCollections(50);
    o.setNestingDepthLimit(64);
    o.setCodePointLimit(8 * 1024 * 1024);
    o.setAllowRecursiveKeys(false);
    return o;
  }

  private YamlNode read() {
    Node root;
    try {
      root = new Yaml(scalars).compose(new StringReader(file.text()));
    } catch (MarkedYAMLException e) {
      syntax(e);
      return null;
    } catch (YAMLException e) {
      problems.add(Diagnostic.error(Code.E0701, file, new Span(0, 0), "invalid YAML: " + clean(e.getMessage())));
      return null;
    }
    if (root == null) {
      return null;
    }
    try {
      return convert(root);
    } catch (Bad b) {
      problems.add(Diagnostic.error(Code.E0701, file, b.pos.span(), b.getMessage()));
      return null;
    }
  }

  private void syntax(MarkedYAMLException e) {
    Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : clean(e.getMessage());
    if (problem.startsWith("expected a single document") || String.valueOf(e.getContext()).startsWith("expected a single document")) {
      problem = "a compose file holds one YAML document, this one has several";
    }
    int offset = at == null ? 0 : offset(at);
    Diagnostic d = Diagnostic.error(Code.E0701, file, new Span(offset, Math.min(offset + 1, file.text().length())),
        "invalid YAML: " + problem);
    Mark ctx = e.getContextMark();
    if (ctx != null && e.getContext() != null && ctx != at && !problem.startsWith("a compose file holds")) {
      int c = offset(ctx);
      d = d.withRelated(new Label(file, new Span(c, c), clean(e.getContext())));
    }
    problems.add(d);
  }

  private static String clean(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  private YamlNode convert(Node n) {
    if (open.containsKey(n)) {
      throw new Bad(pos(n), "invalid YAML: an alias refers to a node that contains it (recursive structure)");
    }
    open.put(n, Boolean.TRUE);
    try {
      return switch (n) {
        case ScalarNode s -> new YamlNode.Scalar(scalar(s), pos(n));
        case SequenceNode s -> {
          List<YamlNode> items = new ArrayList<>();
          for (Node item : s.getValue()) {
            items.add(convert(item));
          }
          yield new YamlNode.Sequence(items, pos(n));
        }
        case MappingNode m -> mapping(m);
        default -> throw new Bad(pos(n), "invalid YAML: unsupported node");
      };
    } finally {
      open.remove(n);
    }
  }

  private Object scalar(ScalarNode s) {
    Tag tag = s.getTag();
    if (tag.equals(Tag.TIMESTAMP)) {
      return s.getValue(); // a date stays text: no compose key holds a date
    }
    if (!tag.equals(Tag.STR) && !tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT) && !tag.equals(Tag.BOOL)
        && !tag.equals(Tag.NULL)) {
      throw new Bad(pos(s), "invalid YAML: unsupported tag `" + tag.getValue() + "`");
    }
    Object v = scalars.value(s);
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    return v;
  }

  /** Explicit keys win over merged ones ({@code <<}); among merged mappings, the first wins. */
  private YamlNode.Mapping mapping(MappingNode m) {
    Map<String, YamlNode.Entry> explicit = new LinkedHashMap<>();
    Map<String, YamlNode.Entry> merged = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (k.getTag().equals(Tag.MERGE)) {
        for (YamlNode.Mapping source : mergeSources(t.getValueNode())) {
          for (YamlNode.Entry e : source.entries()) {
            merged.putIfAbsent(e.name(), e);
          }
        }
        continue;
      }
      if (!(k instanceof ScalarNode ks)) {
        throw new Bad(pos(k), "invalid YAML: a mapping key must be a plain value, not " + kind(k));
      }
      var key = new YamlNode.Scalar(scalar(ks), pos(k));
      var entry = new YamlNode.Entry(key, convert(t.getValueNode()));
      YamlNode.Entry before = explicit.put(key.text(), entry);
      if (before != null) {
        problems.add(new Diagnostic(Severity.WARNING, Code.E0701, "duplicate key `" + key.text()
            + "`: the later value is used", file, key.pos().span(), null,
            List.of(new Label(file, before.key().pos().span(), "first given here")), false));
      }
    }
    List<YamlNode.Entry> entries = new ArrayList<>();
    merged.forEach((name, e) -> {
      if (!explicit.containsKey(name)) {
        entries.add(e);
      }
    });
    entries.addAll(explicit.values());
    return new YamlNode.Mapping(entries, pos(m));
  }

  private List<YamlNode.Mapping> mergeSources(Node v) {
    List<YamlNode.Mapping> out = new ArrayList<>();
    if (v instanceof MappingNode mn) {
      out.add(mapping(mn));
    } else if (v instanceof SequenceNode sn) {
      for (Node item : sn.getValue()) {
        if (!(item instanceof MappingNode mi)) {
          throw new Bad(pos(item), "invalid YAML: `<<` merges mappings, not " + kind(item));
        }
        out.add(mapping(mi));
      }
    } else {
      throw new Bad(pos(v), "invalid YAML: `<<` merges mappings, not " + kind(v));
    }
    return out;
  }

  private static String kind(Node n) {
    return switch (n) {
      case MappingNode m -> "a mapping";
      case SequenceNode s -> "a list";
      default -> "a scalar";
    };
  }

  private Pos pos(Node n) {
    int start = offset(n.getStartMark());
    int end = Math.max(start, offset(n.getEndMark()));
    return new Pos(file, new Span(start, end));
  }

  /** A snakeyaml mark (line and column in code points) as a UTF-16 offset into the file. */
  private int offset(Mark m) {
    if (m == null) {
      return 0;
    }
    String text = file.text();
    int[] starts = file.lineStarts();
    if (m.getLine() >= starts.length) {
      return text.length();
    }
    int start = starts[m.getLine()];
    int lineEnd = m.getLine() + 1 < starts.length ? starts[m.getLine() + 1] : text.length();
    int cps = text.codePointCount(start, lineEnd);
    return text.offsetByCodePoints(start, Math.min(m.getColumn(), cps));
  }

  /** A structural problem found while converting; reported as one diagnostic. */
  private static final class Bad extends RuntimeException {
    final Pos pos;

    Bad(Pos pos, String message) {
      super(message, null, false, false);
      this.pos = pos;
    }
  }
}
