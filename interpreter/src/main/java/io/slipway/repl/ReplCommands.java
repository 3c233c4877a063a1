package io.slipway.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code :} commands: their help, and the parsing of a typed line into a
 * {@link ReplRequest}. A command may be shortened to any unique prefix ({@code :wh} is
 * {@code :where}; an exact name wins, so {@code :break} is not {@code :breaks}); {@code :c},
 * {@code :s}, {@code :n}, {@code :b} and {@code :q} are the debugger's usual one-letter
 * aliases. A line not starting with {@code :} is input to evaluate.
 */
public final class ReplCommands {
  private ReplCommands() {}

  /** One command: its name, its argument synopsis and a one-line description. */
  public record Command(String name, String args, String summary) {
    /** {@code :break STAGE | FILE:LINE | on-failure}. */
    public String usage() {
      return ":" + name + (args.isEmpty() ? "" : " " + args);
    }
  }

  /** A parsed line: a request, or why the line is not a valid command. */
  public record Parsed(ReplRequest request, String error) {
    static Parsed ok(ReplRequest r) {
      return new Parsed(r, null);
    }

    static Parsed bad(String message) {
      return new Parsed(null, message);
    }
  }

  /** Every command, in the order {@code :help} lists them. */
  public static final List<Command> COMMANDS = List.of(
      new Command("load", "FILE", "check and plan a pipeline file, show its stage graph"),
      new Command("reload", "", "re-read and re-check the file; a paused run continues from "
          + "the current stage with the new code"),
      new Command("stages", "", "the stages of the loaded pipeline and what each waits for"),
      new Command("plan", "", "the plan with its operations, as `slipway plan` shows it"),
      new Command("run", "[-p NAME=VALUE]...", "run the pipeline until it pauses or ends"),
      new Command("break", "STAGE | FILE:LINE | on-failure", "pause before a stage, at a line, "
          + "or at an unhandled failure"),
      new Command("breaks", "", "list breakpoints"),
      new Command("delete", "N | all", "delete a breakpoint, or all of them"),
      new Command("continue", "", "resume the paused run"),
      new Command("step", "", "run to the next statement, entering calls"),
      new Command("next", "", "run to the next statement of this frame"),
      new Command("finish", "", "run until the current function returns"),
      new Command("skip", "", "end the paused stage as skipped and continue"),
      new Command("where", "", "the paused stage, file:line, the source around it, the frames"),
      new Command("vars", "", "names in scope with their types and values (secrets masked)"),
      new Command("rerun", "STAGE", "run one stage again, keeping what the stages before it "
          + "made"),
      new Command("ps", "", "containers of this session's runs on every engine they used: "
          + "name, state, IP, ports"),
      new Command("logs", "NAME [-f]", "a container's output; -f follows it"),
      new Command("exec", "NAME CMD...", "run a command in a container"),
      new Command("shell", "NAME", "an interactive shell in a container"),
      new Command("inspect", "NAME", "a container's state, image, networks, ports, labels"),
      new Command("net", "SUBCOMMAND ...", "network faults between the session's containers: "
          + "status, slow, flaky, limit, partition, link, fast, heal, measure (:help net)"),
      new Command("type", "EXPR", "the static type of an expression, evaluating nothing"),
      new Command("doc", "NAME", "signature and documentation of a builtin or type"),
      new Command("explain", "on | off", "print each Docker operation as a `docker` command"),
      new Command("help", "[COMMAND]", "this list, or one command's help"),
      new Command("reset", "", "end the run, remove its containers, forget definitions"),
      new Command("quit", "", "remove everything and leave"));

  private static final Map<String, String> ALIASES = Map.of(
      "c", "continue", "s", "step", "n", "next", "b", "break", "q", "quit", "exit", "quit");

  /** The command named {@code word} or a unique prefix of it; null when none or ambiguous. */
  public static Command find(String word) {
    String w = ALIASES.getOrDefault(word, word);
    List<Command> matches = new ArrayList<>();
    for (Command c : COMMANDS) {
      if (c.name().equals(w)) {
        return c;
      }
      if (c.name().startsWith(w)) {
        matches.add(c);
      }
    }
    return matches.size() == 1 ? matches.get(0) : null;
  }

  /** Parses one line: a {@code :command} or input to evaluate. */
  public static Parsed parse(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith(":")) {
      return Parsed.ok(new ReplRequest.Eval(line));
    }
    int space = firstSpace(trimmed);
    String word = trimmed.substring(1, space);
    String rest = trimmed.substring(space).strip();
    if (word.isEmpty()) {
      return Parsed.bad("missing command after `:`; type :help for the list");
    }
    Command c = find(word);
    if (c == null) {
      List<String> close = COMMANDS.stream().map(Command::name)
          .filter(n -> n.startsWith(word)).map(n -> ":" + n).toList();
      return Parsed.bad(close.isEmpty()
          ? "unknown command `:" + word + "`; type :help for the list"
          : "ambiguous command `:" + word + "`: " + String.join(", ", close));
    }
    List<String> args = Words.split(rest);
    return switch (c.name()) {
      case "load" -> one(c, args, a -> new ReplRequest.Load(Path.of(a)));
      case "reload" -> none(c, args, new ReplRequest.Reload());
      case "stages" -> none(c, args, new ReplRequest.Stages());
      case "plan" -> none(c, args, new ReplRequest.ShowPlan());
      case "run" -> run(c, args);
      case "break" -> one(c, args, ReplCommands::breakpoint);
      case "breaks" -> none(c, args, new ReplRequest.Breaks());
      case "delete" -> one(c, args, a -> a.equals("all") ? new ReplRequest.Delete(null)
          : number(a) == null ? null : new ReplRequest.Delete(number(a)));
      case "continue" -> none(c, args, new ReplRequest.Continue());
      case "step" -> none(c, args, new ReplRequest.Step());
      case "next" -> none(c, args, new ReplRequest.Next());
      case "finish" -> none(c, args, new ReplRequest.Finish());
      case "skip" -> none(c, args, new ReplRequest.Skip());
      case "where" -> none(c, args, new ReplRequest.Where());
      case "vars" -> none(c, args, new ReplRequest.Vars());
      case "rerun" -> one(c, args, ReplRequest.Rerun::new);
      case "ps" -> none(c, args, new ReplRequest.Ps());
      case "logs" -> logs(c, args);
      case "exec" -> args.size() < 2 ? usage(c)
          : Parsed.ok(new ReplRequest.Exec(args.get(0), args.subList(1, args.size())));
      case "shell" -> args.isEmpty() ? usage(c)
          : Parsed.ok(new ReplRequest.Shell(args.get(0), args.subList(1, args.size())));
      case "inspect" -> one(c, args, ReplRequest.Inspect::new);
      case "net" -> NetParser.parse(trimmed, space);
      case "type" -> rest.isEmpty() ? usage(c) : Parsed.ok(new ReplRequest.TypeOf(rest));
      case "doc" -> one(c, args, ReplRequest.Doc::new);
      case "explain" -> one(c, args, a -> a.equals("on") ? new ReplRequest.Explain(true)
          : a.equals("off") ? new ReplRequest.Explain(false) : null);
      case "help" -> args.size() > 1 ? usage(c)
          : Parsed.ok(new ReplRequest.Help(args.isEmpty() ? null : strip(args.get(0))));
      case "reset" -> none(c, args, new ReplRequest.Reset());
      case "quit" -> none(c, args, new ReplRequest.Quit());
      default -> throw new IllegalStateException(c.name());
    };
  }

  /** The help of one command ({@code :help break}), or null when there is no such command. */
  public static String help(String name) {
    Command c = find(strip(name));
    if (c == null) {
      return null;
    }
    return c.usage() + "\n    " + c.summary() + "\n" + (c.name().equals("net") ? NET_HELP
        : CONTAINER_COMMANDS.contains(c.name()) ? CONTAINERS_HELP : "");
  }

  private static final java.util.Set<String> CONTAINER_COMMANDS =
      java.util.Set.of("ps", "logs", "exec", "shell", "inspect");

  /** {@code :help ps} (and logs, exec, shell, inspect): names and engines. */
  private static final String CONTAINERS_HELP = """
      The containers of this session's runs (the last :run's and those started at the prompt),
      on every engine the runs used: the default one and those of `on(engine) { }` blocks.
      :ps adds an ENGINE column (`default` or the engine's address) when a container is on
      another engine than the default one. NAME is the Slipfile's name (`db`), the engine's
      (`db-1a2b3c4d`) or an id prefix; the newest run holding such a container wins, and within
      that run the default engine's container wins over the other engines' (which go in the
      order the run first used them). NAME@ENGINE picks one engine: `db@default`,
      `db@tcp://prod:2376` (or `db@prod:2376`). Each command goes to the engine that holds the
      container; :shell runs `docker -H ADDRESS --tlsverify ... exec -it` for another engine.
      """;

  /** {@code :help net}: each subcommand and the parsing rules. */
  private static final String NET_HELP = """
      The same network simulation as the Slipfile's `net.slow(...)` builtins (spec §9), on the
      containers of this session's runs, named as the Slipfile named them (as :ps shows them).
      What :net applies belongs to the run of those containers: it is removed with them on :run,
      :reset and :quit (and by `slipway gc` after a crash), and before :rerun or :reload
      replaces containers (the stages that run again apply their own conditions anew).
        :net status                         each container per network: conditions, partition,
                                            backend, last measurement
        :net slow NAME... DELAY [jitter=D] [backend=auto|netem|nfqueue] [strict] [duration=D]
                                            delay what the containers send (100ms, jitter=10ms)
        :net flaky NAME... LOSS% [duration=D]   drop that share of what they receive (20%)
        :net flaky NAME... every=N          drop exactly one received packet in N
        :net limit NAME... RATE [ingress=RATE] [duration=D]
                                            cap what they send (1mbit); ingress= also caps
                                            what they receive
        :net partition A,B C... [oneWay] [duration=D]
                                            groups (names joined by commas) cannot exchange
                                            packets; oneWay blocks only first -> later groups;
                                            replaces the previous partition
        :net isolate NAME [duration=D]      cut NAME off from every other container of its run
                                            on the network (until :net heal)
        :net link FROM TO PORT FAULT=VALUE... [duration=D]
                                            FROM's TCP connections to TO:PORT go through a proxy
                                            with the faults of the Slipfile's link { } block:
                                            latency=D [jitter=D] bandwidth=RATE timeout=D
                                            resetPeer=D slowClose=D limitData=SIZE (data TO
                                            sends back is delayed/paced; replaces an earlier
                                            link between them on that port)
        :net unlink FROM TO PORT            remove that link (fast FROM and heal remove it too)
        :net fast NAME...                   remove the loss, delay, rate and links of the
                                            containers
        :net heal                           remove every condition and partition
        :net measure FROM TO [count=N]      observed RTT p50/p95, loss and throughput
        :net plan CHANGE...                 the tc/iptables commands a change (slow, flaky,
                                            limit, partition, isolate, link, unlink, fast, heal)
                                            would run in each container's namespace; nothing is
                                            applied
      The word starting with a digit is the amount; `name=value` words are options named as
      the builtins' parameters; net=NETWORK picks the network when the containers share
      several. Units as in the language, with or without the dot: 250us 100ms 1.5s 2m 1h
      (100.ms, 30.seconds), 20% (20.percent), 8000bit 500kbit 1mbit 1gbit (1.mbit),
      512b 10kb 1mb 1gb (10.kb).
      """;

  /** {@code :help}: every command with its synopsis. */
  public static String help() {
    var sb = new StringBuilder();
    sb.append("Type a statement, expression or declaration to evaluate it, or a command:\n");
    int width = COMMANDS.stream().mapToInt(c -> c.usage().length()).max().orElse(0);
    for (Command c : COMMANDS) {
      sb.append("  ").append(c.usage()).append(" ".repeat(width - c.usage().length() + 2))
          .append(c.summary()).append('\n');
    }
    sb.append("Commands may be shortened to a unique prefix; :c :s :n :b :q are aliases.\n");
    sb.append("Container commands reach every engine a run used; :help ps says which container "
        + "a NAME picks (NAME@ENGINE picks the engine).\n");
    return sb.toString();
  }

  private static String strip(String name) {
    return name.startsWith(":") ? name.substring(1) : name;
  }

  private static ReplRequest breakpoint(String a) {
    if (a.equals("on-failure")) {
      return new ReplRequest.BreakOnFailure();
    }
    int colon = a.lastIndexOf(':');
    if (colon > 0 && number(a.substring(colon + 1)) != null) {
      return new ReplRequest.BreakLine(a.substring(0, colon), number(a.substring(colon + 1)));
    }
    return new ReplRequest.BreakStage(a);
  }

  private static Parsed run(Command c, List<String> args) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String pair;
      if (a.equals("-p") && i + 1 < args.size()) {
        pair = args.get(++i);
      } else if (a.startsWith("-p") && a.length() > 2) {
        pair = a.substring(2);
      } else {
        return usage(c);
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return Parsed.bad("expected NAME=VALUE after -p, got `" + pair + "`");
      }
      params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return Parsed.ok(new ReplRequest.Run(params));
  }

  private static Parsed logs(Command c, List<String> args) {
    List<String> rest = new ArrayList<>(args);
    boolean follow = rest.remove("-f") | rest.remove("--follow");
    return rest.size() != 1 ? usage(c) : Parsed.ok(new ReplRequest.Logs(rest.get(0), follow));
  }

  private static Parsed none(Command c, List<String> args, ReplRequest r) {
    return args.isEmpty() ? Parsed.ok(r) : usage(c);
  }

  private static Parsed one(Command c, List<String> args,
      java.util.function.Function<String, ReplRequest> make) {
    if (args.size() != 1) {
      return usage(c);
    }
    ReplRequest r = make.apply(args.get(0));
    return r == null ? usage(c) : Parsed.ok(r);
  }

  private static Parsed usage(Command c) {
    return Parsed.bad("usage: " + c.usage());
  }

  private static Integer number(String s) {
    try {
      int n = Integer.parseInt(s);
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int firstSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return s.length();
  }
}
