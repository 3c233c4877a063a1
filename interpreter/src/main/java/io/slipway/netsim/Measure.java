package io.slipway.netsim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures between two containers from their helpers (which share their network namespaces, so
 * the measured containers need no tools): {@code count} pings 10 ms apart for RTT percentiles
 * and loss, then a timed HTTP download of a file {@code to}'s helper serves (busybox
 * {@code httpd}, port 5159) for throughput. The file is sized for about three seconds at the rate
 * limit the receiver has, if any (64 KiB to 8 MiB), so that connection set-up and slow start weigh little.
 */
final class Measure {
  static final int PORT = 5159;
  private static final Pattern TIME = Pattern.compile("time=([0-9.]+) ms");
  private static final Pattern REAL = Pattern.compile("real\\s+(?:(\\d+)m\\s*)?([0-9.]+)s");
  private final Sidecars sidecars;

  Measure(Sidecars sidecars) {
    this.sidecars = sidecars;
  }

  Measurement run(Target from, Target to, int count, long rateHint) {
    if (count < 1) {
      throw new NetsimException("count must be at least 1");
    }
    // at a raised priority (the helper may: SYS_NICE), so that on a loaded machine the RTT is the
    // network's and not how long the scheduler let ping sleep after the reply arrived
    Sidecars.Result ping = sidecars.run(from, "n=''; nice -n -15 true 2>/dev/null && n='nice -n -15';"
        + " $n ping -c " + count + " -i 0.01 -W 2 " + to.ip() + " 2>&1; true");
    List<Double> rtts = new ArrayList<>();
    Matcher m = TIME.matcher(ping.output());
    while (m.find()) {
      rtts.add(Double.parseDouble(m.group(1)));
    }
    Collections.sort(rtts);
    double bps = throughput(from, to, rateHint);
    return new Measurement(count, rtts.size(), percentile(rtts, 0.50), percentile(rtts, 0.95), bps);
  }

  private double throughput(Target from, Target to, long rateHint) {
    long bytes = rateHint > 0 ? Math.max(64 * 1024, Math.min(8L << 20, rateHint * 3 / 8)) : 8L << 20;
    String serve = "mkdir -p /tmp/www && [ -f /tmp/www/blob-" + bytes + " ] || dd if=/dev/zero of=/tmp/www/blob-" + bytes
        + " bs=" + bytes + " count=1 2>/dev/null; pidof httpd >/dev/null || httpd -p " + PORT + " -h /tmp/www";
    Sidecars.Result s = sidecars.run(to, serve);
    if (s.exitCode() != 0) {
      throw new NetsimException("cannot serve the measurement file on `" + to.name() + "`: " + Sidecars.tail(s.output()));
    }
    // busybox wget crashes in the static helper (NSS); an HTTP/1.0 request through nc ends when
    // the server closes the connection
    Sidecars.Result get = sidecars.run(from, "time sh -c 'printf \"GET /blob-" + bytes
        + " HTTP/1.0\\r\\n\\r\\n\" | timeout 60 nc -w 10 " + to.ip() + " " + PORT + " | wc -c > /tmp/got' 2>&1;"
        + " echo got=$(cat /tmp/got)");
    Matcher real = REAL.matcher(get.output());
    Matcher got = Pattern.compile("got=(\\d+)").matcher(get.output());
    if (!real.find() || !got.find() || Long.parseLong(got.group(1)) < bytes) {
      return 0;
    }
    double secs = (real.group(1) == null ? 0 : Integer.parseInt(real.group(1)) * 60) + Double.parseDouble(real.group(2));
    return secs <= 0 ? 0 : bytes * 8 / secs;
  }

  static double percentile(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
