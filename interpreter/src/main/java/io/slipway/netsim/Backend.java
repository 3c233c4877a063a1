package io.slipway.netsim;

/**
 * How latency is produced: {@code NETEM} (the kernel's {@code sch_netem}: per packet, egress,
 * jitter may reorder) or {@code NFQUEUE} (the helper's delayer holding queued packets: per
 * packet, egress, may reorder with jitter, fails open when the delayer dies). Loss, rate and
 * partitions always use iptables and tc ("portable").
 */
public enum Backend {
  NETEM, NFQUEUE;

  /** {@code 100ms±10ms via nfqueue, per packet, egress, may reorder}. */
  public String fidelity(long delayUs, long jitterUs) {
    String what = Units.micros(delayUs) + (jitterUs > 0 ? "±" + Units.micros(jitterUs) : "");
    return what + " via " + (this == NETEM ? "netem" : "nfqueue delayer") + ", per packet, egress"
        + (jitterUs > 0 ? ", may reorder" : "") + (this == NFQUEUE ? ", fails open" : "");
  }
}
