package io.slipway.netsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exact shell commands that give one slot (a target's interface on one network) its
 * {@link Conditions}, run by {@code sh} in a helper sharing the target's network namespace.
 *
 * <p>Everything is tagged so that it can be found and removed: iptables rules carry
 * {@code -m comment --comment slipway:<run id>} and live in the run's own chains
 * ({@code SW-<run8>-<k>} from INPUT, {@code SWO-<run8>-<k>} from OUTPUT, {@code SWN-<run8>-<k>}
 * from nat OUTPUT for proxied links); the egress qdisc uses the reserved root handle
 * {@code 5157:}, ingress shaping goes through the ifb device {@code sw<run8><k>}; the delayer binds
 * NFQUEUE queue {@code 5157 + k} and records its pid in {@code /tmp/slipway-delayer-<k>.pid} of the
 * helper, each link's proxy in {@code /tmp/slipway-proxy-<k>-<n>.pid}.
 *
 * <p>The slot's iptables rules, old and new, change in one {@code iptables-restore --noflush}
 * transaction built from one {@code iptables-save}: atomic (no moment where a partition is half
 * there) and two processes instead of one per rule, which is what made a 20-container partition
 * slow on a loaded machine. Processes and qdiscs are stopped first, tolerantly
 * ({@link #reset()}); then, strictly, delayer and proxies start, the rules change, qdiscs are
 * added ({@link #apply(Conditions)}).
 */
public record RuleScript(String runId, String run8, int slot, String ip) {
  /** The reserved tc handle of the root qdiscs Slipway adds. */
  public static final String HANDLE = "5157:";
  /** The socket mark of the proxies' own upstream connections, which the redirect skips. */
  static final String PROXY_MARK = "0x5157";
  static final int QUEUE_BASE = 5157;

  String tag() {
    return "slipway:" + runId;
  }

  String inChain() {
    return "SW-" + run8 + "-" + slot;
  }

  String outChain() {
    return "SWO-" + run8 + "-" + slot;
  }

  String natChain() {
    return "SWN-" + run8 + "-" + slot;
  }

  String ifb() {
    return "sw" + run8 + slot;
  }

  int queue() {
    return QUEUE_BASE + slot;
  }

  String pidFile() {
    return "/tmp/slipway-delayer-" + slot + ".pid";
  }

  String tcMarker() {
    return "/tmp/slipway-tc-" + slot;
  }

  String proxyPid(int n) {
    return "/tmp/slipway-proxy-" + slot + "-" + n + ".pid";
  }

  /** Finds the slot's device from its address: {@code dev=eth0}. */
  String device(boolean required) {
    String find = "dev=$(/usr/sbin/ip -o -4 addr show | awk '$4 ~ /^" + ip.replace(".", "\\.") + "\\//{print $2; exit}')";
    return required ? find + "; [ -n \"$dev\" ] || { echo \"no interface has address " + ip + "\" >&2; exit 3; }" : find;
  }

  /** Stops this slot's delayer, proxies and qdiscs; each command may fail (nothing to remove). */
  public List<String> reset() {
    List<String> l = new ArrayList<>();
    l.add("if [ -f " + pidFile() + " ]; then read -r p < " + pidFile() + "; " + stop("$p") + "; rm -f " + pidFile() + ";"
        + " iptables -t raw -S OUTPUT 2>/dev/null | grep -F -- '" + tag() + " " + slot + "\"' | sed 's/^-A/-D/'"
        + " | while read -r r; do eval iptables -t raw $r; done; fi");
    l.add("for p in /tmp/slipway-proxy-" + slot + "-*.pid; do [ -f \"$p\" ] || continue; read -r q < \"$p\";"
        + " " + stop("$q") + "; rm -f \"$p\"; done");
    l.add("if [ -f " + tcMarker() + " ]; then " + device(false) + ";"
        + " if [ -n \"$dev\" ] && /usr/sbin/tc qdisc show dev $dev | grep -q ' " + HANDLE + " root'; then /usr/sbin/tc qdisc del dev $dev root; fi;"
        + " if /usr/sbin/ip link show " + ifb() + " >/dev/null 2>&1; then [ -n \"$dev\" ] && /usr/sbin/tc qdisc del dev $dev ingress 2>/dev/null;"
        + " /usr/sbin/ip link del " + ifb() + "; fi; rm -f " + tcMarker() + "; fi");
    return l;
  }

  /**
   * Kills {@code pid} if it still runs one of the helper's programs ({@code slipway-delayer},
   * {@code slipway-proxy}): a pid file may outlive its process, and in the agent's host PID
   * namespace the pid may by then be another process's.
   */
  static String stop(String pid) {
    return "case $(cat /proc/" + pid + "/comm 2>/dev/null) in slipway-*) kill " + pid + " 2>/dev/null;; esac";
  }

  /** Starts what {@code c} needs, replaces the slot's iptables rules, adds its qdiscs; run with {@code set -e}. */
  public List<String> apply(Conditions c) {
    List<String> l = new ArrayList<>();
    boolean delayer = (c.delayUs() > 0 || c.jitterUs() > 0) && c.delayBackend() == Backend.NFQUEUE;
    boolean netem = (c.delayUs() > 0 || c.jitterUs() > 0) && c.delayBackend() == Backend.NETEM;
    boolean tc = netem || c.egressBps() > 0 || c.ingressBps() > 0;
    if (c.loss() > 0 || c.every() > 0 || delayer || tc) {
      l.add(device(true));
    }
    String tagged = " -m comment --comment \"" + tag() + "\"";
    if (delayer) {
      long seed = Integer.toUnsignedLong((runId + "/" + slot).hashCode());
      l.add("setsid " + HelperImage.DELAYER + " " + queue() + " " + c.delayUs() + " " + c.jitterUs() + " " + seed
          + " </dev/null >/tmp/slipway-delayer-" + slot + ".log 2>&1 & echo $! > " + pidFile());
      l.add("sleep 0.2; kill -0 $(cat " + pidFile() + ") || { cat /tmp/slipway-delayer-" + slot + ".log >&2; exit 4; }");
    }
    List<String> nat = new ArrayList<>();
    for (int n = 0; n < c.links().size(); n++) {
      Link k = c.links().get(n);
      long seed = Integer.toUnsignedLong((runId + "/" + slot + "/" + n).hashCode());
      l.add("out=$(" + HelperImage.PROXY + " " + String.join(" ", k.args(seed)) + ") || { echo \"the proxy for "
          + k.toIp() + ":" + k.port() + " did not start\" >&2; exit 6; }; echo \"${out%% *}\" > " + proxyPid(n)
          + "; port" + n + "=${out#* }");
      nat.add("-A " + natChain() + " -d " + k.toIp() + "/32 -p tcp -m tcp --dport " + k.port() + " -m mark ! --mark "
          + PROXY_MARK + tagged + " -j REDIRECT --to-ports $port" + n);
    }
    List<String> in = new ArrayList<>();
    for (String peer : c.dropFrom()) {
      in.add("-A " + inChain() + " -s " + peer + "/32" + tagged + " -j DROP");
    }
    if (c.every() > 0) {
      in.add("-A " + inChain() + " -i $dev -m statistic --mode nth --every " + c.every() + " --packet 0" + tagged + " -j DROP");
    }
    if (c.loss() > 0) {
      in.add("-A " + inChain() + " -i $dev -m statistic --mode random --probability "
          + String.format(Locale.ROOT, "%.6f", c.loss()) + tagged + " -j DROP");
    }
    List<String> out = new ArrayList<>();
    if (delayer) {
      out.add("-A " + outChain() + " -o $dev" + tagged + " -j NFQUEUE --queue-num " + queue() + " --queue-bypass");
    }
    l.addAll(restore(in, out, nat));
    if (delayer) {
      // a new flow's later packets, queued while its first is held, would be dropped when the
      // first confirms its conntrack entry; untracked, they are not (best effort: needs xt_CT)
      l.add("iptables -t raw -I OUTPUT -o $dev -m comment --comment '" + tag() + " " + slot
          + "' -j CT --notrack 2>/dev/null || true");
    }
    if (tc) {
      l.add(": > " + tcMarker());
    }
    if (netem) {
      l.add("/usr/sbin/tc qdisc add dev $dev root handle " + HANDLE + " netem delay " + c.delayUs() + "us"
          + (c.jitterUs() > 0 ? " " + c.jitterUs() + "us" : ""));
      if (c.egressBps() > 0) {
        l.add("/usr/sbin/tc qdisc add dev $dev parent 5157:1 handle 5158: " + tbf(c.egressBps()));
      }
    } else if (c.egressBps() > 0) {
      l.add("/usr/sbin/tc qdisc add dev $dev root handle " + HANDLE + " " + tbf(c.egressBps()));
    }
    if (c.ingressBps() > 0) {
      l.add("/usr/sbin/ip link add " + ifb() + " type ifb");
      l.add("/usr/sbin/ip link set " + ifb() + " up");
      l.add("/usr/sbin/tc qdisc add dev $dev handle ffff: ingress");
      l.add("/usr/sbin/tc filter add dev $dev parent ffff: protocol all u32 match u32 0 0 action mirred egress redirect dev " + ifb());
      l.add("/usr/sbin/tc qdisc add dev " + ifb() + " root handle " + HANDLE + " " + tbf(c.ingressBps()));
    }
    return l;
  }

  /**
   * One {@code iptables-restore --noflush} input replacing the slot's chains: each chain is
   * created or flushed ({@code :CHAIN - [0:0]}), its old jumps deleted, then either filled and
   * jumped to again or deleted. Tables the slot neither has nor wants are left out.
   */
  private List<String> restore(List<String> in, List<String> out, List<String> nat) {
    String rules = "/tmp/slipway-rules-" + slot;
    List<String> l = new ArrayList<>();
    l.add("f=$(iptables-save 2>/dev/null) || f=");
    l.add(": > " + rules);
    table(l, "filter", List.of(new Chain("INPUT", inChain(), in), new Chain("OUTPUT", outChain(), out)), rules);
    table(l, "nat", List.of(new Chain("OUTPUT", natChain(), nat)), rules);
    l.add("if [ -s " + rules + " ]; then iptables-restore --noflush < " + rules + " || { echo 'iptables-restore refused:' >&2;"
        + " cat " + rules + " >&2; exit 5; }; fi");
    return l;
  }

  private record Chain(String hook, String name, List<String> rules) {}

  private void table(List<String> l, String table, List<Chain> chains, String file) {
    boolean wanted = chains.stream().anyMatch(c -> !c.rules().isEmpty());
    List<String> body = new ArrayList<>();
    body.add("echo '*" + table + "'");
    for (Chain c : chains) {
      String exists = "case \"$f\" in *':" + c.name() + " '*) ";
      body.add(c.rules().isEmpty() ? exists + "echo ':" + c.name() + " - [0:0]';; esac" : "echo ':" + c.name() + " - [0:0]'");
      body.add("printf '%s\\n' \"$f\" | while read -r l; do case \"$l\" in '-A " + c.hook() + " '*' -j " + c.name()
          + "') echo \"-D ${l#-A }\";; esac; done");
      if (c.rules().isEmpty()) {
        body.add(exists + "echo '-X " + c.name() + "';; esac");
      } else {
        for (String r : c.rules()) {
          body.add("printf '%s\\n' \"" + r.replace("\"", "\\\"") + "\"");
        }
        body.add("printf '%s\\n' \"-I " + c.hook() + " 1 -m comment --comment \\\"" + tag() + "\\\" -j " + c.name() + "\"");
      }
    }
    body.add("echo COMMIT");
    String block = "{\n" + String.join("\n", body) + "\n} >> " + file;
    if (wanted) {
      l.add(block);
    } else {
      String any = String.join("|", chains.stream().map(c -> "*':" + c.name() + " '*").toList());
      l.add("case \"$f\" in " + any + ")\n" + block + ";;\nesac");
    }
  }

  /**
   * A token bucket for {@code bps}: 20 ms of traffic per burst (at least 2 full frames), and a
   * queue of 100 ms: deep enough for TCP to keep the link busy, shallow enough that a drop is
   * noticed by fast retransmit rather than a 200 ms retransmission timeout (ingress shaping
   * works by dropping).
   */
  static String tbf(long bps) {
    long burst = Math.max(3200, bps / 8 / 50);
    return "tbf rate " + bps + "bit burst " + burst + " latency 100ms";
  }

  /** The whole script: the tolerant stops, then {@code set -e} and the conditions. */
  public String script(Conditions c) {
    return String.join("\n", reset()) + "\nset -e\n" + String.join("\n", apply(c)) + "\n";
  }
}
