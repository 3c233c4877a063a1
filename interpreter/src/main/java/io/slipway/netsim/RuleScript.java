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
 * ({@code SW-<run8>-<k>} from INPUT, {@code SWO-<run8>-<k>} from OUTPUT); the egress qdisc uses the
 * reserved root handle {@code 5157:}, ingress shaping goes through the ifb device
 * {@code sw<run8><k>}; the delayer binds NFQUEUE queue {@code 5157 + k} and records its pid in
 * {@code /tmp/slipway-delayer-<k>.pid} of the helper. {@link #reset()} removes all of it and never
 * fails; {@link #apply(Conditions)} adds the conditions and stops at the first failing command.
 */
public record RuleScript(String runId, String run8, int slot, String ip) {
  /** The reserved tc handle of the root qdiscs Slipway adds. */
  public static final String HANDLE = "5157:";
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

  String ifb() {
    return "sw" + run8 + slot;
  }

  int queue() {
    return QUEUE_BASE + slot;
  }

  String pidFile() {
    return "/tmp/slipway-delayer-" + slot + ".pid";
  }

  /** Finds the slot's device from its address: {@code dev=eth0}. */
  String device(boolean required) {
    String find = "dev=$(/usr/sbin/ip -o -4 addr show | awk '$4 ~ /^" + ip.replace(".", "\\.") + "\\//{print $2; exit}')";
    return required ? find + "; [ -n \"$dev\" ] || { echo \"no interface has address " + ip + "\" >&2; exit 3; }" : find;
  }

  /** Removes everything this slot may have added; each command may fail (nothing to remove). */
  public List<String> reset() {
    String c = "--comment '" + tag() + "'";
    List<String> l = new ArrayList<>();
    l.add(device(false));
    l.add("while iptables -D INPUT -m comment " + c + " -j " + inChain() + " 2>/dev/null; do :; done");
    l.add("iptables -F " + inChain() + " 2>/dev/null; iptables -X " + inChain() + " 2>/dev/null");
    l.add("while iptables -D OUTPUT -m comment " + c + " -j " + outChain() + " 2>/dev/null; do :; done");
    l.add("iptables -F " + outChain() + " 2>/dev/null; iptables -X " + outChain() + " 2>/dev/null");
    l.add("iptables -t raw -S OUTPUT 2>/dev/null | grep -F -- '" + tag() + " " + slot + "\"' | sed 's/^-A/-D/'"
        + " | while read -r r; do eval iptables -t raw $r; done");
    l.add("if [ -f " + pidFile() + " ]; then kill $(cat " + pidFile() + ") 2>/dev/null; rm -f " + pidFile() + "; fi");
    l.add("if [ -n \"$dev\" ] && /usr/sbin/tc qdisc show dev $dev | grep -q ' " + HANDLE + " root'; then /usr/sbin/tc qdisc del dev $dev root; fi");
    l.add("if /usr/sbin/ip link show " + ifb() + " >/dev/null 2>&1; then [ -n \"$dev\" ] && /usr/sbin/tc qdisc del dev $dev ingress 2>/dev/null;"
        + " /usr/sbin/ip link del " + ifb() + "; fi");
    return l;
  }

  /** Adds {@code c}; run after {@link #reset()} with {@code set -e}. */
  public List<String> apply(Conditions c) {
    List<String> l = new ArrayList<>();
    if (c.isEmpty()) {
      return l;
    }
    l.add(device(true));
    String tagged = " -m comment --comment '" + tag() + "'";
    if (c.loss() > 0 || c.every() > 0 || !c.dropFrom().isEmpty()) {
      l.add("iptables -N " + inChain());
      for (String peer : c.dropFrom()) {
        l.add("iptables -A " + inChain() + " -s " + peer + tagged + " -j DROP");
      }
      if (c.every() > 0) {
        l.add("iptables -A " + inChain() + " -i $dev -m statistic --mode nth --every " + c.every()
            + " --packet 0" + tagged + " -j DROP");
      }
      if (c.loss() > 0) {
        l.add("iptables -A " + inChain() + " -i $dev -m statistic --mode random --probability "
            + String.format(Locale.ROOT, "%.6f", c.loss()) + tagged + " -j DROP");
      }
      l.add("iptables -I INPUT 1" + tagged + " -j " + inChain());
    }
    boolean netem = (c.delayUs() > 0 || c.jitterUs() > 0) && c.delayBackend() == Backend.NETEM;
    if ((c.delayUs() > 0 || c.jitterUs() > 0) && c.delayBackend() == Backend.NFQUEUE) {
      long seed = Integer.toUnsignedLong((runId + "/" + slot).hashCode());
      l.add("setsid " + HelperImage.DELAYER + " " + queue() + " " + c.delayUs() + " " + c.jitterUs() + " " + seed
          + " </dev/null >/tmp/slipway-delayer-" + slot + ".log 2>&1 & echo $! > " + pidFile());
      l.add("sleep 0.2; kill -0 $(cat " + pidFile() + ") || { cat /tmp/slipway-delayer-" + slot + ".log >&2; exit 4; }");
      l.add("iptables -N " + outChain());
      l.add("iptables -A " + outChain() + " -o $dev" + tagged + " -j NFQUEUE --queue-num " + queue() + " --queue-bypass");
      l.add("iptables -I OUTPUT 1" + tagged + " -j " + outChain());
      // a new flow's later packets, queued while its first is held, would be dropped when the
      // first confirms its conntrack entry; untracked, they are not (best effort: needs xt_CT)
      l.add("iptables -t raw -I OUTPUT -o $dev -m comment --comment '" + tag() + " " + slot
          + "' -j CT --notrack 2>/dev/null || true");
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
   * A token bucket for {@code bps}: 20 ms of traffic per burst (at least 2 full frames), and a
   * queue of 100 ms: deep enough for TCP to keep the link busy, shallow enough that a drop is
   * noticed by fast retransmit rather than a 200 ms retransmission timeout (ingress shaping
   * works by dropping).
   */
  static String tbf(long bps) {
    long burst = Math.max(3200, bps / 8 / 50);
    return "tbf rate " + bps + "bit burst " + burst + " latency 100ms";
  }

  /** The whole script: reset, then {@code set -e} and the conditions. */
  public String script(Conditions c) {
    List<String> apply = apply(c);
    StringBuilder b = new StringBuilder(String.join("\n", reset())).append('\n');
    if (!apply.isEmpty()) {
      b.append("set -e\n").append(String.join("\n", apply)).append('\n');
    }
    return b.toString();
  }
}
