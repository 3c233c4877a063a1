package io.slipway.repl;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.repl.NetCommand.Name;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the words after {@code :net} into a {@link NetCommand}. The rules (also in
 * {@code :help net}):
 *
 * <ul>
 *   <li>Words are separated by blanks. The first is the subcommand ({@code status},
 *       {@code slow}, {@code flaky}, {@code limit}, {@code partition}, {@code isolate},
 *       {@code link}, {@code unlink}, {@code fast}, {@code heal}, {@code measure});
 *       {@code plan} before a change shows its commands instead of applying it.
 *   <li>{@code name=value} is an option, named as the builtin's parameter ({@code jitter=10ms},
 *       {@code every=4}, {@code ingress=1mbit}, {@code duration=30s}, {@code count=20},
 *       {@code backend=nfqueue}); {@code strict} and {@code oneWay} alone mean {@code =true}.
 *       A link's faults are options named as the {@code link { }} block's calls
 *       ({@code latency=200ms jitter=20ms bandwidth=64kbit timeout=5s resetPeer=1s
 *       slowClose=50ms limitData=10kb}).
 *       {@code net=NAME} picks the network when the containers share more than one.
 *   <li>For {@code slow}, {@code flaky} and {@code limit}, the word that starts with a digit is
 *       the amount (delay, loss, rate); the other words are container names, as the Slipfile
 *       named them. For {@code partition}, each word is a group: names joined by commas
 *       ({@code web,db cache} is two groups).
 *   <li>Quantities take the builtins' units, with or without the dot: durations {@code 100ms},
 *       {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 250us} ({@code 100.ms},
 *       {@code 30.seconds}, {@code 5.minutes}, {@code 2.hours}); loss {@code 20%}
 *       ({@code 20.percent}); rates {@code 500kbit}, {@code 1mbit}, {@code 1gbit}, {@code 8000bit}
 *       ({@code 1.mbit}); sizes {@code 512b}, {@code 10kb}, {@code 1mb}, {@code 1gb} ({@code 10.kb}).
 * </ul>
 *
 * A mistake is one diagnostic with a stable code (E08xx) naming what was expected, rendered with
 * the line and the offending word underlined.
 */
final class NetParser {
  /** The subcommands with their synopses, in {@code :help net}'s order. */
  static final Map<String, String> SUBCOMMANDS = subcommands();

  private static final Pattern DURATION = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\.?(us|ms|s|sec|seconds|m|min|minutes|h|hours)");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:%|\\.percent)");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\.?(bit|kbit|mbit|gbit)");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\.?(b|kb|mb|gb)");
  /** The faults of {@code :net link}: the {@code link { }} block's calls, in its order. */
  static final List<String> LINK_FAULTS =
      List.of("latency", "jitter", "bandwidth", "timeout", "resetPeer", "slowClose", "limitData");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private final String line;
  private final List<Word> words;
  private final Map<String, Word> options = new LinkedHashMap<>();
  private String sub;

  private NetParser(String line, int from) {
    this.line = line;
    this.words = split(line, from);
  }

  /** A word of the line and where it starts. */
  private record Word(String text, int column) {}

  /** Thrown inside the parser; its message is the rendered diagnostic. */
  private static final class Bad extends RuntimeException {
    Bad(String message) {
      super(message, null, false, false);
    }
  }

  private static Map<String, String> subcommands() {
    var m = new LinkedHashMap<String, String>();
    m.put("status", "status");
    m.put("slow", "slow NAME... DELAY [jitter=D] [backend=auto|netem|nfqueue] [strict] [duration=D]");
    m.put("flaky", "flaky NAME... LOSS% [duration=D]   or   flaky NAME... every=N");
    m.put("limit", "limit NAME... RATE [ingress=RATE] [duration=D]");
    m.put("partition", "partition NAME[,NAME...] NAME[,NAME...]... [oneWay] [duration=D]");
    m.put("isolate", "isolate NAME [duration=D]");
    m.put("fast", "fast NAME...");
    m.put("heal", "heal");
    m.put("measure", "measure FROM TO [count=N]");
    m.put("link", "link FROM TO PORT FAULT=VALUE... [duration=D]");
    m.put("unlink", "unlink FROM TO PORT");
    m.put("plan", "plan slow|flaky|limit|partition|isolate|link|unlink|fast|heal ...");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Parses {@code line} (a {@code :net} command, already stripped) from column {@code from}
   * (just after the command word).
   */
  static ReplCommands.Parsed parse(String line, int from) {
    try {
      return ReplCommands.Parsed.ok(new ReplRequest.Net(line, new NetParser(line, from).command()));
    } catch (Bad e) {
      return ReplCommands.Parsed.bad(e.getMessage().stripTrailing());
    }
  }

  private NetCommand command() {
    if (words.isEmpty()) {
      throw missing(Code.E0804, "usage: :net SUBCOMMAND ...; subcommands: " + String.join(", ", SUBCOMMANDS.keySet())
          + " (:help net)");
    }
    Word w = words.get(0);
    boolean plan = w.text().equals("plan");
    if (plan) {
      if (words.size() < 2) {
        throw bad(Code.E0804, w, "`:net plan` shows the commands a change would run: give the change, e.g. "
            + "`:net plan slow web 100ms`");
      }
      w = words.get(1);
    }
    sub = w.text();
    if (!SUBCOMMANDS.containsKey(sub)) {
      throw bad(Code.E0801, w, "unknown `:net` subcommand `" + sub + "`; use one of "
          + String.join(", ", SUBCOMMANDS.keySet()));
    }
    if (plan && List.of("status", "measure", "plan").contains(sub)) {
      throw bad(Code.E0801, w, "`:net plan` shows the commands of a change (slow, flaky, limit, partition, isolate, "
          + "link, unlink, fast, heal), not of `" + sub + "`");
    }
    NetCommand c = command(words.subList(plan ? 2 : 1, words.size()));
    return plan ? new NetCommand.Plan(c) : c;
  }

  private NetCommand command(List<Word> args) {
    List<Word> positional = new ArrayList<>();
    for (Word x : args) {
      int eq = x.text().indexOf('=');
      String key = eq < 0 ? x.text() : x.text().substring(0, eq);
      if (eq > 0 || eq < 0 && flag(key)) {
        if (!allowed(key)) {
          throw bad(Code.E0802, x, sub.equals("link") ? "unknown fault `" + key + "`; a link's faults: "
              + String.join(", ", LINK_FAULTS.stream().map(f -> f + "=").toList()) + " (options: duration=, net=)"
              : "`:net " + sub + "` has no option `" + key + "`; " + optionsText());
        }
        if (options.put(key, x) != null) {
          throw bad(Code.E0804, x, "option `" + key + "` is given twice");
        }
      } else if (eq == 0) {
        throw bad(Code.E0804, x, "missing option name before `=`");
      } else {
        positional.add(x);
      }
    }
    String net = options.containsKey("net") ? value(options.get("net")) : null;
    if (net != null && net.isEmpty()) {
      throw bad(Code.E0803, options.get("net"), "`net=` needs the network's name, as the Slipfile named it");
    }
    return switch (sub) {
      case "status" -> {
        none(positional);
        yield new NetCommand.Status(net);
      }
      case "heal" -> {
        none(positional);
        yield new NetCommand.Heal();
      }
      case "slow" -> slow(positional, net);
      case "flaky" -> flaky(positional, net);
      case "limit" -> limit(positional, net);
      case "partition" -> partition(positional, net);
      case "fast" -> new NetCommand.Fast(names(positional, "container"), net);
      case "isolate" -> {
        if (positional.size() != 1) {
          throw positional.isEmpty() ? missing(Code.E0804, "`:net isolate` needs the container to cut off, e.g. "
              + "`:net isolate web`") : bad(Code.E0804, positional.get(1), "`:net isolate` takes one container (it is "
              + "cut off from every other one on the network)");
        }
        yield new NetCommand.Isolate(name(positional.get(0)), optDuration(), net);
      }
      case "measure" -> measure(positional, net);
      case "link" -> link(positional, net);
      case "unlink" -> {
        Word[] ends = linkEnds(positional, "`:net unlink web db 5432`");
        yield new NetCommand.Unlink(name(ends[0]), name(ends[1]), port(ends[2]), net);
      }
      default -> throw new IllegalStateException(sub);
    };
  }

  // ------------------------------------------------------------ the subcommands

  private NetCommand slow(List<Word> positional, String net) {
    Word amount = amount(positional, "delay", "100ms");
    Duration delay = duration(amount);
    Duration jitter = options.containsKey("jitter") ? duration(options.get("jitter")) : Duration.ZERO;
    if (delay.isZero() && jitter.isZero()) {
      throw bad(Code.E0803, amount, "the delay must be above 0 (e.g. 100ms)");
    }
    String backend = "auto";
    if (options.containsKey("backend")) {
      Word b = options.get("backend");
      backend = value(b);
      if (!List.of("auto", "netem", "nfqueue").contains(backend)) {
        throw bad(Code.E0803, b, "unknown backend `" + backend + "`: use auto, netem or nfqueue");
      }
    }
    return new NetCommand.Slow(names(positional, "container"), delay, jitter, backend,
        bool("strict"), optDuration(), net);
  }

  private NetCommand flaky(List<Word> positional, String net) {
    if (options.containsKey("every")) {
      Word e = options.get("every");
      int every = positiveInt(e);
      if (every < 2) {
        throw bad(Code.E0803, e, "every must be 2 or more (every=N drops one packet in N)");
      }
      if (positional.stream().anyMatch(NetParser::isAmount) || options.containsKey("loss")) {
        Word w = options.containsKey("loss") ? options.get("loss")
            : positional.stream().filter(NetParser::isAmount).findFirst().orElseThrow();
        throw bad(Code.E0804, w, "give either a loss (20%) or every=N, not both");
      }
      return new NetCommand.Flaky(names(positional, "container"), 0, every, optDuration(), net);
    }
    Word amount = amount(positional, "loss", "20%");
    double loss = percent(amount);
    return new NetCommand.Flaky(names(positional, "container"), loss, 0, optDuration(), net);
  }

  private NetCommand limit(List<Word> positional, String net) {
    Word amount = amount(positional, "rate", "1mbit");
    long rate = rate(amount);
    long ingress = options.containsKey("ingress") ? rate(options.get("ingress")) : 0;
    return new NetCommand.Limit(names(positional, "container"), rate, ingress, optDuration(), net);
  }

  private NetCommand partition(List<Word> positional, String net) {
    List<List<Name>> groups = new ArrayList<>();
    for (Word g : positional) {
      List<Name> group = new ArrayList<>();
      int col = g.column();
      for (String part : g.text().split(",", -1)) {
        Word member = new Word(part, col);
        if (part.isEmpty()) {
          throw bad(Code.E0803, new Word(",", Math.min(col, g.column() + g.text().length() - 1)),
              "empty name in the group `" + g.text() + "`: join names with single commas (web,db)");
        }
        group.add(name(member));
        col += part.length() + 1;
      }
      groups.add(group);
    }
    if (groups.size() < 2) {
      String msg = "`:net partition` needs at least two groups, e.g. `:net partition web,db cache` "
          + "(web and db on one side, cache on the other)";
      throw groups.isEmpty() ? missing(Code.E0804, msg) : bad(Code.E0804, positional.get(0), msg);
    }
    return new NetCommand.Partition(groups, bool("oneWay"), optDuration(), net);
  }

  private NetCommand measure(List<Word> positional, String net) {
    if (positional.size() != 2) {
      Word at = positional.size() > 2 ? positional.get(2) : null;
      String msg = "`:net measure` takes two containers, FROM and TO (e.g. `:net measure web db`)";
      throw at == null ? missing(Code.E0804, msg) : bad(Code.E0804, at, msg);
    }
    int count = options.containsKey("count") ? positiveInt(options.get("count")) : 100;
    return new NetCommand.Measure(name(positional.get(0)), name(positional.get(1)), count, net);
  }

  private NetCommand link(List<Word> positional, String net) {
    Word[] ends = linkEnds(positional, "`:net link web db 5432 latency=200ms`");
    if (LINK_FAULTS.stream().noneMatch(options::containsKey)) {
      throw missing(Code.E0804, "`:net link` names no fault: add " + String.join(", ", LINK_FAULTS.stream()
          .map(f -> f + "=").toList()) + " (e.g. `:net link " + ends[0].text() + " " + ends[1].text() + " "
          + ends[2].text() + " latency=200ms`)");
    }
    var faults = new NetCommand.LinkFaults(optDuration("latency"), optDuration("jitter"),
        options.containsKey("bandwidth") ? rate(options.get("bandwidth")) : 0, optDuration("timeout"),
        optDuration("resetPeer"), optDuration("slowClose"),
        options.containsKey("limitData") ? size(options.get("limitData")) : -1);
    return new NetCommand.Link(name(ends[0]), name(ends[1]), port(ends[2]), faults, optDuration(), net);
  }

  /** FROM TO PORT of a link command, or a message naming what is missing or extra. */
  private Word[] linkEnds(List<Word> positional, String example) {
    if (positional.size() > 3) {
      Word extra = positional.get(3);
      String key = extra.text();
      boolean link = sub.equals("link");
      throw bad(link && !isAmount(extra) && !LINK_FAULTS.contains(key) ? Code.E0802 : Code.E0804, extra,
          link && LINK_FAULTS.contains(key)
          ? "a fault takes its value after `=`: " + key + "=..., e.g. latency=200ms"
          : link && !isAmount(extra) ? "unknown fault `" + key + "`; a link's faults: "
              + String.join(", ", LINK_FAULTS.stream().map(f -> f + "=").toList())
          : "`:net " + sub + "` takes FROM TO PORT, then faults as name=value; usage: :net "
              + SUBCOMMANDS.get(sub));
    }
    if (positional.size() < 3) {
      throw missing(Code.E0804, "`:net " + sub + "` needs FROM TO PORT (the client, the server and the server's port), e.g. "
          + example);
    }
    return positional.toArray(new Word[0]);
  }

  private int port(Word w) {
    try {
      int p = Integer.parseInt(w.text());
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(Code.E0803, w, "`" + w.text() + "` is not a port: write a whole number from 1 to 65535");
  }

  // ------------------------------------------------------------ words

  private Word amount(List<Word> positional, String what, String example) {
    Word named = options.get(what);
    Word found = null;
    for (Word w : positional) {
      if (isAmount(w)) {
        if (found != null || named != null) {
          throw bad(Code.E0804, w, "a second " + what + "; give one (e.g. " + example + ")");
        }
        found = w;
      }
    }
    if (named != null) {
      return new Word(value(named), named.column() + what.length() + 1);
    }
    if (found == null) {
      throw missing(Code.E0804, "`:net " + sub + "` needs a " + what + ", e.g. `:net " + sub + " "
          + (positional.isEmpty() ? "web" : positional.get(0).text()) + " " + example + "`");
    }
    positional.remove(found);
    return found;
  }

  private static boolean isAmount(Word w) {
    char c = w.text().charAt(0);
    return Character.isDigit(c) || c == '.';
  }

  private List<Name> names(List<Word> positional, String what) {
    if (positional.isEmpty()) {
      throw missing(Code.E0804, "`:net " + sub + "` needs at least one " + what + " name (as :ps shows it)");
    }
    List<Name> out = new ArrayList<>();
    for (Word w : positional) {
      if (w.text().contains(",")) {
        throw bad(Code.E0804, w, "commas group containers only in `:net partition`; here name them "
            + "separated by blanks");
      }
      out.add(name(w));
    }
    return out;
  }

  private Name name(Word w) {
    if (isAmount(w) || !NAME.matcher(w.text()).matches()) {
      throw bad(Code.E0803, w, "`" + w.text() + "` is not a container name");
    }
    return new Name(w.text(), w.column());
  }

  private void none(List<Word> positional) {
    if (!positional.isEmpty()) {
      throw bad(Code.E0804, positional.get(0), "`:net " + sub + "` takes no containers; usage: :net "
          + SUBCOMMANDS.get(sub));
    }
  }

  /** The option {@code key} as a duration (0 allowed), or null when not given. */
  private Duration optDuration(String key) {
    return options.containsKey(key) ? duration(options.get(key)) : null;
  }

  private Duration optDuration() {
    Word d = options.get("duration");
    if (d == null) {
      return null;
    }
    Duration v = duration(d);
    if (v.isZero()) {
      throw bad(Code.E0803, d, "duration must be above 0 (it removes the condition after that long)");
    }
    return v;
  }

  private boolean bool(String key) {
    Word w = options.get(key);
    if (w == null) {
      return false;
    }
    if (!w.text().contains("=")) {
      return true;
    }
    String v = value(w);
    if (v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    throw bad(Code.E0803, w, "`" + key + "` is true or false, not `" + v + "`");
  }

  private static String value(Word w) {
    return w.text().substring(w.text().indexOf('=') + 1);
  }

  /** The value of {@code w} ({@code 100ms} or {@code jitter=10ms}) as a word of its own. */
  private static Word valueWord(Word w) {
    int eq = w.text().indexOf('=');
    return eq < 0 ? w : new Word(w.text().substring(eq + 1), w.column() + eq + 1);
  }

  Duration duration(Word word) {
    Word w = valueWord(word);
    if (w.text().equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(w.text());
    if (!m.matches()) {
      throw bad(Code.E0803, w, (w.text().isEmpty() ? "missing duration" : "`" + w.text() + "` is not a duration")
          + ": write a number and a unit, e.g. 100ms, 1.5s, 2m, 1h, 250us (or 100.ms, 30.seconds)");
    }
    double n = Double.parseDouble(m.group(1));
    double nanosPer = switch (m.group(2)) {
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s", "sec", "seconds" -> 1e9;
      case "m", "min", "minutes" -> 60e9;
      default -> 3600e9;
    };
    double nanos = n * nanosPer;
    if (nanos > 7 * 24 * 3600e9) {
      throw bad(Code.E0803, w, "`" + w.text() + "` is more than a week");
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  double percent(Word word) {
    Word w = valueWord(word);
    Matcher m = PERCENT.matcher(w.text());
    if (!m.matches()) {
      throw bad(Code.E0803, w, "`" + w.text() + "` is not a loss: write a percentage, e.g. 20% or 12.5% (or 20.percent)");
    }
    double p = Double.parseDouble(m.group(1));
    if (p <= 0 || p > 100) {
      throw bad(Code.E0803, w, "loss is above 0% and at most 100%, not " + w.text());
    }
    return p / 100.0;
  }

  long rate(Word word) {
    Word w = valueWord(word);
    Matcher m = RATE.matcher(w.text());
    if (!m.matches()) {
      throw bad(Code.E0803, w, "`" + w.text() + "` is not a rate: write a number and a unit, e.g. 500kbit, 1mbit, "
          + "1gbit, 8000bit (bits per second; or 1.mbit)");
    }
    double scale = switch (m.group(2)) {
      case "bit" -> 1;
      case "kbit" -> 1e3;
      case "mbit" -> 1e6;
      default -> 1e9;
    };
    long bps = Math.round(Double.parseDouble(m.group(1)) * scale);
    if (bps < 8) {
      throw bad(Code.E0803, w, "the rate must be at least 8bit");
    }
    return bps;
  }

  long size(Word word) {
    Word w = valueWord(word);
    Matcher m = SIZE.matcher(w.text());
    if (!m.matches()) {
      throw bad(Code.E0803, w, "`" + w.text() + "` is not a size: write a number and a unit, e.g. 512b, 10kb, 1mb, 1gb "
          + "(binary multiples, as Docker; or 10.kb)");
    }
    long scale = switch (m.group(2)) {
      case "b" -> 1;
      case "kb" -> 1L << 10;
      case "mb" -> 1L << 20;
      default -> 1L << 30;
    };
    double bytes = Double.parseDouble(m.group(1)) * scale;
    if (bytes != Math.rint(bytes)) {
      throw bad(Code.E0803, w, "`" + w.text() + "` is not a whole number of bytes");
    }
    return (long) bytes;
  }

  private int positiveInt(Word word) {
    Word w = valueWord(word);
    try {
      int n = Integer.parseInt(w.text());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(Code.E0803, w, "`" + w.text() + "` is not a whole number above 0");
  }

  // ------------------------------------------------------------ options

  private boolean flag(String key) {
    return key.equals("strict") || key.equals("oneWay");
  }

  private List<String> optionNames() {
    List<String> l = new ArrayList<>(switch (sub) {
      case "slow" -> List.of("delay", "jitter", "backend", "strict", "duration");
      case "flaky" -> List.of("loss", "every", "duration");
      case "limit" -> List.of("rate", "ingress", "duration");
      case "partition" -> List.of("oneWay", "duration");
      case "isolate" -> List.of("duration");
      case "measure" -> List.of("count");
      case "link" -> with(LINK_FAULTS, "duration");
      default -> List.<String>of();
    });
    if (!sub.equals("heal")) {
      l.add("net");
    }
    return l;
  }

  private static List<String> with(List<String> l, String more) {
    List<String> out = new ArrayList<>(l);
    out.add(more);
    return out;
  }

  private boolean allowed(String key) {
    return optionNames().contains(key);
  }

  private String optionsText() {
    return "its options: " + String.join(", ", optionNames().stream().map(o -> flag(o) ? o : o + "=").toList());
  }

  /** The options a subcommand takes, for completion ({@code jitter=}, {@code strict}). */
  static List<String> options(String sub) {
    NetParser p = new NetParser("", 0);
    p.sub = sub;
    return p.optionNames().stream().map(o -> p.flag(o) ? o : o + "=").toList();
  }

  // ------------------------------------------------------------ errors

  /** A mistake in word {@code w}. */
  private Bad bad(Code code, Word w, String message) {
    return new Bad(diagnostic(code, line, w.column(), w.text().length(), message));
  }

  /** Something missing: shown at the end of the line, where it would go. */
  private Bad missing(Code code, String message) {
    return new Bad(diagnostic(code, line, line.length(), 1, message));
  }

  /**
   * A mistake in a command line, rendered as the REPL renders every located mistake (as
   * {@code slipway check} does): {@code <input>:1:15: error[E0803]: message}, the line, and a
   * caret under {@code length} characters from {@code column} (0-based). Ends with a newline.
   */
  static String diagnostic(Code code, String line, int column, int length, String message) {
    SourceFile f = SourceFile.of("<input>", line + "\n");
    int start = Math.min(Math.max(0, column), line.length());
    Span span = new Span(start, Math.min(start + Math.max(1, length), line.length() + 1));
    return new DiagnosticRenderer(false).render(Diagnostic.error(code, f, span, message));
  }

  private static List<Word> split(String line, int from) {
    List<Word> out = new ArrayList<>();
    int i = from;
    while (i < line.length()) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(new Word(line.substring(start, i), start));
      }
    }
    return out;
  }
}
