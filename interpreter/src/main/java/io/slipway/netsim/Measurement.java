package io.slipway.netsim;

import java.util.Locale;

/**
 * What {@code net.measure(from, to)} observed: pings sent and answered, RTT percentiles in
 * milliseconds (NaN when nothing came back), and the rate at which {@code from} downloaded a
 * file from {@code to} over HTTP (bits per second, so data flowing {@code to → from}; 0 when the
 * download failed, e.g. under a partition).
 */
public record Measurement(int sent, int received, double p50Ms, double p95Ms, double throughputBps) {
  public double loss() {
    return sent == 0 ? 0 : 1.0 - (double) received / sent;
  }

  /** {@code rtt p50 0.12ms p95 0.30ms, loss 0% (100/100), 812.4 mbit/s}. */
  public String describe() {
    return String.format(Locale.ROOT, "rtt p50 %.2fms p95 %.2fms, loss %s (%d/%d), %s", p50Ms, p95Ms,
        Units.percent(Math.round(loss() * 10000) / 10000.0), sent - received, sent,
        throughputBps > 0 ? String.format(Locale.ROOT, "%.1f kbit/s", throughputBps / 1000) : "no throughput");
  }
}
