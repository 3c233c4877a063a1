package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.docker.DockerJavaEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/netsim.sh}: (1) a partition of 20 containers into two groups of 10, applied and
 * healed by Slipway (cold: helpers started; warm: 5 rounds, median) the default way (the run's
 * agent entering each namespace, where the engine allows it) and, alternating round by round on
 * 20 other containers, the per-container helpers ({@code SLIPWAY_NETSIM_HELPER=sidecar}), next to the short-lived
 * helper way Blockade/Pumba-style tools apply rules (one {@code docker run --rm --network
 * container:X} per container, sequentially); (2) the NFQUEUE delayer's CPU time per 1000
 * packets/s, read from {@code /proc} of the helper while 1000 pings/s go through a 10 ms delay.
 */
public final class NetsimBench {
  private NetsimBench() {}

  public static void main(String[] args) throws Exception {
    try (ContainerEngine engine = DockerJavaEngine.connect(); var f = new SimFixture(engine);
        var old = new SimFixture(engine, "sidecar")) {
      List<Target> all = new ArrayList<>();
      List<Target> oldAll = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        all.add(f.start("n" + i));
        oldAll.add(old.start("n" + i));
      }
      System.out.printf(Locale.ROOT, "load average at the start: %s%n", load());
      List<Target> left = all.subList(0, 10);
      List<Target> right = all.subList(10, 20);
      double[] cold = cold(f, all);
      double[] oldCold = cold(old, oldAll);
      // warm rounds, the default path (auto: the agent where the engine allows it) and the
      // per-container helpers alternating, so both see the same load
      List<Double> apply = new ArrayList<>();
      List<Double> heal = new ArrayList<>();
      List<Double> oldApply = new ArrayList<>();
      List<Double> oldHeal = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        round(f, all, apply, heal);
        round(old, oldAll, oldApply, oldHeal);
      }
      // the floors: what one change costs at least on each path
      List<Double> floor = new ArrayList<>();
      List<Double> oldFloor = new ArrayList<>();
      var helpers = new Sidecars(f);
      List<String> ids = engine.listContainers(java.util.Map.of(io.slipway.engine.RunLabels.RUN, old.labels.runId()))
          .stream().filter(c -> c.labels().containsKey(Sidecars.TARGET)).map(c -> c.id()).toList();
      for (int round = 0; round < 5; round++) {
        long t0 = System.nanoTime();
        f.agent().ifPresent(a -> helpers.exec(a, "true"));
        floor.add(secs(t0));
        t0 = System.nanoTime();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
          ids.forEach(id -> pool.submit(() -> helpers.exec(id, "true")));
        }
        oldFloor.add(secs(t0));
      }
      if (f.sh(left.get(0), "ping -c 1 -W 2 " + right.get(0).ip()).exitCode() != 0) {
        throw new IllegalStateException("heal did not restore the network");
      }
      String mode = f.sim.helperMode();
      System.out.printf(Locale.ROOT, "partition 20 containers (10|10) via %s, cold (helper started): apply %.3f s, heal %.3f s%n",
          mode, cold[0], cold[1]);
      System.out.printf(Locale.ROOT, "partition 20 containers (10|10) via %s, warm median of 5: apply %.3f s, heal %.3f s%n",
          mode, median(apply), median(heal));
      System.out.printf(Locale.ROOT, "  floor: one `true` exec in the agent, median of 5: %.3f s%n", median(floor));
      System.out.printf(Locale.ROOT, "same via sidecar (one helper per container), cold (20 helpers started): apply %.3f s, heal %.3f s%n",
          oldCold[0], oldCold[1]);
      System.out.printf(Locale.ROOT, "same via sidecar, warm median of 5 (alternating with the above): apply %.3f s, heal %.3f s%n",
          median(oldApply), median(oldHeal));
      System.out.printf(Locale.ROOT, "  floor: one `true` exec in each of the %d helpers at once, median of 5: %.3f s%n",
          ids.size(), median(oldFloor));
      System.out.printf(Locale.ROOT, "load average after the partitions: %s%n", load());
      long t0;
      String image = HelperImage.reference(System.getenv());
      t0 = System.nanoTime();
      for (Target t : all) {
        StringBuilder rules = new StringBuilder("iptables -N BENCH");
        for (Target o : (left.contains(t) ? right : left)) {
          rules.append(" && iptables -A BENCH -s ").append(o.ip()).append(" -j DROP");
        }
        rules.append(" && iptables -I INPUT 1 -j BENCH");
        oneShot(engine, image, t, rules.toString());
      }
      double shortApply = secs(t0);
      t0 = System.nanoTime();
      for (Target t : all) {
        oneShot(engine, image, t, "iptables -D INPUT -j BENCH; iptables -F BENCH; iptables -X BENCH");
      }
      double shortHeal = secs(t0);
      System.out.printf(Locale.ROOT, "same partition, one short-lived helper per container (docker run --rm, sequential):"
          + " apply %.3f s, heal %.3f s%n", shortApply, shortHeal);

      Target a = all.get(0);
      Target b = all.get(1);
      f.sim.slow(List.of(a), Duration.ofMillis(10), Duration.ZERO, "nfqueue", false, null, false);
      String helper = f.ruleHelper(a);
      var sidecars = new Sidecars(f);
      String cpu = "p=$(cat /tmp/slipway-delayer-*.pid); awk '{print $14+$15}' /proc/$p/stat";
      long before = Long.parseLong(sidecars.exec(helper, cpu).output().strip());
      t0 = System.nanoTime();
      var ping = f.sh(a, "ping -q -c 5000 -i 0.001 -W 2 " + b.ip());
      double took = secs(t0);
      long after = Long.parseLong(sidecars.exec(helper, cpu).output().strip());
      double cpuSecs = (after - before) / 100.0;
      double pps = 5000 / took;
      System.out.printf(Locale.ROOT, "delayer: 5000 packets in %.2f s (%.0f packets/s), %.2f s CPU: %.1f%% of a core per"
          + " 1000 packets/s (%s)%n", took, pps, cpuSecs, cpuSecs / took * 100 / (pps / 1000),
          ping.output().lines().filter(l -> l.contains("packet loss")).findFirst().orElse("").strip());
    }
  }

  private static double[] cold(SimFixture f, List<Target> all) {
    long t0 = System.nanoTime();
    f.sim.partition(List.of(all.subList(0, 10), all.subList(10, 20)), false, null, false);
    double apply = secs(t0);
    t0 = System.nanoTime();
    f.sim.heal(false);
    return new double[] {apply, secs(t0)};
  }

  private static void round(SimFixture f, List<Target> all, List<Double> apply, List<Double> heal) {
    long t0 = System.nanoTime();
    f.sim.partition(List.of(all.subList(0, 10), all.subList(10, 20)), false, null, false);
    apply.add(secs(t0));
    t0 = System.nanoTime();
    f.sim.heal(false);
    heal.add(secs(t0));
  }

  private static String load() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static void oneShot(ContainerEngine engine, String image, Target t, String script) {
    String id = engine.createContainer(ContainerSpec.builder(image).network("container:" + t.id())
        .capAdd("NET_ADMIN").command(List.of("/bin/sh", "-c", script)).build());
    try {
      engine.startContainer(id);
      engine.waitContainer(id, Duration.ofSeconds(60));
    } finally {
      engine.removeContainer(id, true);
    }
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double median(List<Double> l) {
    List<Double> s = new ArrayList<>(l);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
