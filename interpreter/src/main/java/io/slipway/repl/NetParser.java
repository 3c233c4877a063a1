package io.slipway.repl;

import io.slipway.repl.NetCommand.Name;
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
 *       {@code fast}, {@code heal}, {@code measure}); {@code plan} before a change shows its
 *       commands instead of applying it.
 *   <li>{@code name=value} is an option, named as the builtin's parameter ({@code jitter=10ms},
 *       {@code every=4}, {@code ingress=1mbit}, {@code duration=30s}, {@code count=20},
 *       {@code backend=nfqueue}); {@code strict} and {@code oneWay} alone mean {@code =true}.
 *       {@code net=NAME} picks the network when the containers share more than one.
 *   <li>For {@code slow}, {@code flaky} and {@code limit}, the word that starts with a digit is
 *       the amount (delay, loss, rate); the other words are container names, as the Slipfile
 *       named them. For {@code partition}, each word is a group: names joined by commas
 *       ({@code web,db cache} is two groups).
 *   <li>Quantities take the builtins' units, with or without the dot: durations {@code 100ms},
 *       {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 250us} ({@code 100.ms},
 *       {@code 30.seconds}, {@code 5.minutes}, {@code 2.hours}); loss {@code 20%}
 *       ({@code 20.percent}); rates {@code 500kbit}, {@code 1mbit}, {@code 1gbit}, {@code 8000bit}
 *       ({@code 1.mbit}).
 * </ul>
 *
 * A mistake is one message naming what was expected, followed by the line with the offending
 * word underlined.
 */
final class NetParser {
  /** The subcommands with their synopses, in {@code :help net}'s order. */
  static final Map<String, String> SUBCOMMANDS = subcommands();

  private static final Pattern DURATION = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\.?(us|ms|s|sec|seconds|m|min|minutes|h|hours)");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:%|\\.percent)");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\.?(bit|kbit|mbit|gbit)");
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

  /** Thrown inside the parser; its message is already located. */
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
    m.put("plan", "plan slow|flaky|limit|partition|isolate|fast|heal ...");
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
      return ReplCommands.Parsed.bad(e.getMessage());
    }
  }

  private NetCommand command() {
    if (words.isEmpty()) {
      throw new Bad("usage: :net SUBCOMMAND ...; subcommands: " + String.join(", ", SUBCOMMANDS.keySet())
          + " (:help net)");
    }
    Word w = words.get(0);
    boolean plan = w.text().equals("plan");
    if (plan) {
      if (words.size() < 2) {
        throw bad(w, "`:net plan` shows the commands a change would run: give the change, e.g. "
            + "`:net plan slow web 100ms`");
      }
      w = words.get(1);
    }
    sub = w.text();
    if (!SUBCOMMANDS.containsKey(sub)) {
      throw bad(w, "unknown `:net` subcommand `" + sub + "`; use one of "
          + String.join(", ", SUBCOMMANDS.keySet()));
    }
    if (plan && List.of("status", "measure", "plan").contains(sub)) {
      throw bad(w, "`:net plan` shows the commands of a change (slow, flaky, limit, partition, isolate, "
          + "fast, heal), not of `" + sub + "`");
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
          throw bad(x, "`:net " + sub + "` has no option `" + key + "`; " + optionsText());
        }
        if (options.put(key, x) != null) {
          throw bad(x, "option `" + key + "` is given twice");
        }
      } else if (eq == 0) {
        throw bad(x, "missing option name before `=`");
      } else {
        positional.add(x);
      }
    }
    String net = options.containsKey("net") ? value(options.get("net")) : null;
    if (net != null && net.isEmpty()) {
      throw bad(options.get("net"), "`net=` needs the network's name, as the Slipfile named it");
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
          throw positional.isEmpty() ? new Bad("`:net isolate` needs the container to cut off, e.g. "
              + "`:net isolate web`") : bad(positional.get(1), "`:net isolate` takes one container (it is "
              + "cut off from every other one on the network)");
        }
        yield new NetCommand.Isolate(name(positional.get(0)), optDuration(), net);
      }
      case "measure" -> measure(positional, net);
      default -> throw new IllegalStateException(sub);
    };
  }

  // ------------------------------------------------------------ the subcommands

  private NetCommand slow(List<Word> positional, String net) {
    Word amount = amount(positional, "delay", "100ms");
    Duration delay = duration(amount);
    Duration jitter = options.containsKey("jitter") ? duration(options.get("jitter")) : Duration.ZERO;
    if (delay.isZero() && jitter.isZero()) {
      throw bad(amount, "the delay must be above 0 (e.g. 100ms)");
    }
    String backend = "auto";
    if (options.containsKey("backend")) {
      Word b = options.get("backend");
      backend = value(b);
      if (!List.of("auto", "netem", "nfqueue").contains(backend)) {
        throw bad(b, "unknown backend `" + backend + "`: use auto, netem or nfqueue");
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
        throw bad(e, "every must be 2 or more (every=N drops one packet in N)");
      }
      if (positional.stream().anyMatch(NetParser::isAmount) || options.containsKey("loss")) {
        Word w = options.containsKey("loss") ? options.get("loss")
            : positional.stream().filter(NetParser::isAmount).findFirst().orElseThrow();
        throw bad(w, "give either a loss (20%) or every=N, not both");
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
          throw bad(new Word(",", Math.min(col, g.column() + g.text().length() - 1)),
              "empty name in the group `" + g.text() + "`: join names with single commas (web,db)");
        }
        group.add(name(member));
        col += part.length() + 1;
      }
      groups.add(group);
    }
    if (groups.size() < 2) {
      throw new Bad("`:net partition` needs at least two groups, e.g. `:net partition web,db cache` "
          + "(web and db on one side, cache on the other)" + (groups.isEmpty() ? "" : "\n"
          + underline(positional.get(0))));
    }
    return new NetCommand.Partition(groups, bool("oneWay"), optDuration(), net);
  }

  private NetCommand measure(List<Word> positional, String net) {
    if (positional.size() != 2) {
      Word at = positional.size() > 2 ? positional.get(2) : null;
      String msg = "`:net measure` takes two containers, FROM and TO (e.g. `:net measure web db`)";
      throw at == null ? new Bad(msg) : bad(at, msg);
    }
    int count = options.containsKey("count") ? positiveInt(options.get("count")) : 100;
    return new NetCommand.Measure(name(positional.get(0)), name(positional.get(1)), count, net);
  }

  // ------------------------------------------------------------ words

  private Word amount(List<Word> positional, String what, String example) {
    Word named = options.get(what);
    Word found = null;
    for (Word w : positional) {
      if (isAmount(w)) {
        if (found != null || named != null) {
          throw bad(w, "a second " + what + "; give one (e.g. " + example + ")");
        }
        found = w;
      }
    }
    if (named != null) {
      return new Word(value(named), named.column() + what.length() + 1);
    }
    if (found == null) {
      throw new Bad("`:net " + sub + "` needs a " + what + ", e.g. `:net " + sub + " "
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
      throw new Bad("`:net " + sub + "` needs at least one " + what + " name (as :ps shows it)");
    }
    List<Name> out = new ArrayList<>();
    for (Word w : positional) {
      if (w.text().contains(",")) {
        throw bad(w, "commas group containers only in `:net partition`; here name them "
            + "separated by blanks");
      }
      out.add(name(w));
    }
    return out;
  }

  private Name name(Word w) {
    if (isAmount(w) || !NAME.matcher(w.text()).matches()) {
      throw bad(w, "`" + w.text() + "` is not a container name");
    }
    return new Name(w.text(), w.column());
  }

  private void none(List<Word> positional) {
    if (!positional.isEmpty()) {
      throw bad(positional.get(0), "`:net " + sub + "` takes no containers; usage: :net "
          + SUBCOMMANDS.get(sub));
    }
  }

  private Duration optDuration() {
    Word d = options.get("duration");
    if (d == null) {
      return null;
    }
    Duration v = duration(d);
    if (v.isZero()) {
      throw bad(d, "duration must be above 0 (it removes the condition after that long)");
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
    throw bad(w, "`" + key + "` is true or false, not `" + v + "`");
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
      throw bad(w, (w.text().isEmpty() ? "missing duration" : "`" + w.text() + "` is not a duration")
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
      throw bad(w, "`" + w.text() + "` is more than a week");
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  double percent(Word word) {
    Word w = valueWord(word);
    Matcher m = PERCENT.matcher(w.text());
    if (!m.matches()) {
      throw bad(w, "`" + w.text() + "` is not a loss: write a percentage, e.g. 20% or 12.5% (or 20.percent)");
    }
    double p = Double.parseDouble(m.group(1));
    if (p <= 0 || p > 100) {
      throw bad(w, "loss is above 0% and at most 100%, not " + w.text());
    }
    return p / 100.0;
  }

  long rate(Word word) {
    Word w = valueWord(word);
    Matcher m = RATE.matcher(w.text());
    if (!m.matches()) {
      throw bad(w, "`" + w.text() + "` is not a rate: write a number and a unit, e.g. 500kbit, 1mbit, "
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
      throw bad(w, "the rate must be at least 8bit");
    }
    return bps;
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
    throw bad(w, "`" + w.text() + "` is not a whole number above 0");
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
      default -> List.<String>of();
    });
    if (!sub.equals("heal")) {
      l.add("net");
    }
    return l;
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

  private Bad bad(Word w, String message) {
    return new Bad(message + "\n" + underline(w));
  }

  private String underline(Word w) {
    return located(line, w.column(), w.text().length());
  }

  /** The line and a caret line under {@code length} characters from {@code column}. */
  static String located(String line, int column, int length) {
    return "  " + line + "\n  " + " ".repeat(Math.max(0, column)) + "^".repeat(Math.max(1, length));
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
