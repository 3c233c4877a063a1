package io.slipway.netsim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What one engine's kernel can do for network simulation, as probed by a throwaway helper
 * ({@link CapabilityProbe}): each feature maps to whether the kernel accepted it. Features:
 * {@code netem}, {@code tbf}, {@code htb}, {@code ingress}, {@code ifb}, {@code mirred},
 * {@code statistic-random}, {@code statistic-nth}, {@code comment}, {@code nfqueue},
 * {@code delayer} (the helper's NFQUEUE delayer binds a queue), {@code redirect} and {@code proxy}
 * (what {@code link { }} needs).
 */
public record Capabilities(String kernel, Map<String, Boolean> features) {
  /** Every probed feature, in report order, with what it is for. */
  public static final Map<String, String> FEATURES = featureList();

  private static Map<String, String> featureList() {
    var m = new LinkedHashMap<String, String>();
    m.put("netem", "sch_netem qdisc: latency, jitter (best fidelity)");
    m.put("tbf", "sch_tbf qdisc: egress rate limit");
    m.put("htb", "sch_htb qdisc: egress rate limit (alternative)");
    m.put("ingress", "ingress qdisc: ingress rate limit (with ifb)");
    m.put("ifb", "ifb device: ingress rate limit");
    m.put("mirred", "u32 filter + mirred action: ingress rate limit");
    m.put("statistic-random", "iptables statistic --mode random: random loss");
    m.put("statistic-nth", "iptables statistic --mode nth: every-nth loss");
    m.put("comment", "iptables comment match: rules tagged with the run id");
    m.put("nfqueue", "iptables NFQUEUE --queue-bypass: latency without netem");
    m.put("delayer", "the helper's NFQUEUE delayer binds a queue");
    m.put("redirect", "iptables nat REDIRECT + mark match: `link { }` wiring");
    m.put("proxy", "the helper's stream-fault proxy: `link { }`");
    return java.util.Collections.unmodifiableMap(m);
  }

  public Capabilities {
    features = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }

  public boolean has(String feature) {
    return Boolean.TRUE.equals(features.get(feature));
  }

  /** Latency through the NFQUEUE delayer is possible. */
  public boolean delayer() {
    return has("nfqueue") && has("delayer");
  }

  /** Ingress rate limiting is possible. */
  public boolean ingressRate() {
    return has("ingress") && has("ifb") && has("mirred") && (has("tbf") || has("htb"));
  }

  /** The table {@code slipway net capabilities} prints. */
  public String table() {
    StringBuilder b = new StringBuilder("kernel " + kernel + "\n");
    b.append(String.format("%-18s %-8s %s%n", "FEATURE", "PRESENT", "USED FOR"));
    for (var e : FEATURES.entrySet()) {
      b.append(String.format("%-18s %-8s %s%n", e.getKey(), has(e.getKey()) ? "yes" : "no", e.getValue()));
    }
    b.append("latency backend: ").append(has("netem") ? "netem" : delayer() ? "nfqueue delayer (portable)" : "none (use link { })");
    return b.toString();
  }

  /** One line: the present features. */
  public String summary() {
    StringJoiner j = new StringJoiner(" ");
    features.forEach((k, v) -> j.add((v ? "+" : "-") + k));
    return j.toString();
  }

  /** The probe's output ({@code feature=yes|no} lines, {@code kernel=...}) as capabilities. */
  static Capabilities parse(String output) {
    String kernel = "?";
    var m = new LinkedHashMap<String, Boolean>();
    for (String line : output.split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String k = line.substring(0, eq).strip();
      String v = line.substring(eq + 1).strip();
      if (k.equals("kernel")) {
        kernel = v;
      } else if (FEATURES.containsKey(k)) {
        m.put(k, v.equals("yes"));
      }
    }
    for (String f : FEATURES.keySet()) {
      m.putIfAbsent(f, false);
    }
    return new Capabilities(kernel, m);
  }
}
