package io.slipway.repl;

import io.slipway.builtin.BuiltinRegistry;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Completion candidates: command names after {@code :}, stage names after {@code :break} and
 * {@code :rerun}, container names after the container commands, builtin names after
 * {@code :doc}, members after {@code expr.} (by the expression's static type) and otherwise the
 * names in scope, builtins and keywords. Completing never changes the session.
 */
final class Completer {
  private static final List<String> KEYWORDS = List.of("val", "var", "fun", "if", "else",
      "when", "for", "while", "return", "try", "catch", "finally", "data", "class", "true",
      "false", "null", "in", "is", "as", "break", "continue", "param", "import");

  private final BuiltinRegistry registry;

  Completer(BuiltinRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param scopeNames the names the input would see
   * @param typeOf the static type name of an expression ({@code List<Int>}), or null
   * @param stages the loaded plan's stage names
   * @param containers the session's container names
   */
  ReplResponse.Completions complete(String text, int cursor, Collection<String> scopeNames,
      Function<String, String> typeOf, Supplier<Collection<String>> stages,
      Supplier<Collection<String>> containers) {
    String before = text.substring(0, Math.max(0, Math.min(cursor, text.length())));
    int start = before.length();
    while (start > 0 && (Character.isLetterOrDigit(before.charAt(start - 1))
        || before.charAt(start - 1) == '_' || before.charAt(start - 1) == '-')) {
      start--;
    }
    String prefix = before.substring(start);
    String stripped = before.stripLeading();
    if (stripped.startsWith(":")) {
      int space = stripped.indexOf(' ');
      if (space < 0) {
        return new ReplResponse.Completions(ReplCommands.COMMANDS.stream()
            .map(c -> ":" + c.name()).filter(n -> n.startsWith(stripped)).toList(),
            before.length() - stripped.length());
      }
      ReplCommands.Command cmd = ReplCommands.find(stripped.substring(1, space));
      if (cmd != null && cmd.name().equals("net")) {
        return net(stripped.substring(space).stripLeading(), prefix, start, containers);
      }
      if (cmd == null || stripped.substring(space).strip().contains(" ")) {
        return new ReplResponse.Completions(List.of(), start);
      }
      Collection<String> pool = switch (cmd.name()) {
        case "break", "rerun" -> with(stages.get(), cmd.name().equals("break")
            ? List.of("on-failure") : List.of());
        case "logs", "exec", "inspect", "shell" -> containers.get();
        case "help" -> ReplCommands.COMMANDS.stream().map(ReplCommands.Command::name).toList();
        case "doc" -> with(registry.globalNames(),
            registry.types().stream().map(t -> t.name()).toList());
        case "explain" -> List.of("on", "off");
        case "delete" -> List.of("all");
        default -> List.of();
      };
      return matching(pool, prefix, start);
    }
    int dot = start - 1;
    if (dot >= 0 && before.charAt(dot) == '.') {
      String receiver = receiverBefore(before, dot);
      String type = receiver.isEmpty() ? null : typeOf.apply(receiver);
      if (type == null) {
        return new ReplResponse.Completions(List.of(), start);
      }
      return matching(members(type), prefix, start);
    }
    return matching(with(with(scopeNames, registry.globalNames()), KEYWORDS), prefix, start);
  }

  /**
   * After {@code :net}: the subcommands, then container names and the subcommand's options
   * ({@code jitter=}, {@code strict}); after a comma in a partition group, names again.
   */
  private static ReplResponse.Completions net(String args, String prefix, int start,
      Supplier<Collection<String>> containers) {
    if (args.startsWith("plan ")) {
      args = args.substring(5).stripLeading();
    }
    int space = args.indexOf(' ');
    if (space < 0) {
      return matching(NetParser.SUBCOMMANDS.keySet(), prefix, start);
    }
    String sub = args.substring(0, space);
    String word = args.substring(args.lastIndexOf(' ') + 1);
    if (!NetParser.SUBCOMMANDS.containsKey(sub) || word.contains("=")) {
      return new ReplResponse.Completions(List.of(), start);
    }
    Collection<String> pool = new TreeSet<>(NetParser.options(sub));
    if (!sub.equals("status") && !sub.equals("heal")) {
      pool.addAll(containers.get());
    }
    return matching(pool, prefix, start);
  }

  private Collection<String> members(String type) {
    String owner = type.replace("?", "");
    int lt = owner.indexOf('<');
    if (lt > 0) {
      owner = owner.substring(0, lt);
    }
    var out = new TreeSet<String>(registry.memberNames(owner));
    out.addAll(registry.memberNames("Any"));
    registry.type(owner).ifPresent(t -> t.supertypes().forEach(s ->
        out.addAll(registry.memberNames(s))));
    return out;
  }

  /** The expression before {@code dot}: names, dots and balanced brackets and strings. */
  static String receiverBefore(String s, int dot) {
    int i = dot;
    int depth = 0;
    while (i > 0) {
      char c = s.charAt(i - 1);
      if (c == ')' || c == ']') {
        depth++;
      } else if (c == '(' || c == '[') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == '"') {
        int open = s.lastIndexOf('"', i - 2);
        if (open < 0) {
          break;
        }
        i = open + 1;
      } else if (depth == 0 && !(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
        break;
      }
      i--;
    }
    return s.substring(i, dot).strip();
  }

  private static Collection<String> with(Collection<String> a, Collection<String> b) {
    var out = new TreeSet<String>(a);
    out.addAll(b);
    return out;
  }

  private static ReplResponse.Completions matching(Collection<String> pool, String prefix,
      int anchor) {
    return new ReplResponse.Completions(new TreeSet<>(pool).stream()
        .filter(n -> n.startsWith(prefix)).toList(), anchor);
  }
}
