package io.slipway.engine.explain;

import io.slipway.engine.ContainerOptions;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.HealthSpec;
import io.slipway.engine.Mount;
import io.slipway.engine.PortBinding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flags of {@code docker run}/{@code docker create} that give a container the settings of a
 * {@link ContainerSpec}, followed by the image and the command. Slipway's own bookkeeping labels
 * ({@code io.slipway.*}) are left out: the user did not write them and Docker does not need them
 * to do the same thing. The hostname and the network alias Slipway sets to the user's name are
 * left out too, since in the command's terms {@code --name} already gives both.
 */
final class ContainerFlags {
  private ContainerFlags() {}

  static List<String> of(ContainerSpec spec, Names names) {
    var a = new ArrayList<String>();
    String name = names.of(spec.name());
    ContainerOptions o = spec.options();
    if (spec.stdinOpen() || o != null && o.openStdin()) {
      a.add("-i");
    }
    if (o != null && o.tty()) {
      a.add("-t");
    }
    if (name != null) {
      a.add("--name");
      a.add(name);
    }
    if (spec.hostname() != null && !spec.hostname().equals(name)) {
      flag(a, "--hostname", spec.hostname());
    }
    if (spec.network() != null) {
      flag(a, "--network", names.of(spec.network()));
      for (String alias : spec.aliases()) {
        if (!alias.equals(name)) {
          flag(a, "--network-alias", alias);
        }
      }
    }
    for (PortBinding p : spec.ports()) {
      flag(a, "-p", port(p));
    }
    for (Mount m : spec.mounts()) {
      flag(a, "-v", (m.volume() ? names.of(m.source()) : m.source()) + ":" + m.target()
          + (m.readOnly() ? ":ro" : ""));
    }
    env(a, spec.env());
    if (spec.workdir() != null) {
      flag(a, "-w", spec.workdir());
    }
    if (spec.user() != null) {
      flag(a, "-u", spec.user());
    }
    if (spec.init()) {
      a.add("--init");
    }
    for (String cap : spec.capAdd()) {
      flag(a, "--cap-add", cap);
    }
    if (spec.stopTimeout() != null) {
      flag(a, "--stop-timeout", Long.toString(spec.stopTimeout().toSeconds()));
    }
    if (spec.healthcheck() != null) {
      health(a, spec.healthcheck());
    }
    labels(a, spec.labels());
    if (o != null) {
      OptionFlags.add(a, o);
    }
    List<String> command = new ArrayList<>();
    if (spec.entrypoint() != null) {
      // --entrypoint takes one word: the rest of Docker's entrypoint goes before the command
      flag(a, "--entrypoint", spec.entrypoint().isEmpty() ? "" : spec.entrypoint().get(0));
      if (spec.entrypoint().size() > 1) {
        command.addAll(spec.entrypoint().subList(1, spec.entrypoint().size()));
      }
    }
    a.add(names.image(spec.image()));
    if (spec.command() != null) {
      command.addAll(spec.command());
    }
    a.addAll(command);
    return a;
  }

  static void flag(List<String> a, String flag, String value) {
    a.add(flag);
    a.add(value);
  }

  /** {@code -e K=V} per variable; {@code -e K} passes the variable on without a value. */
  static void env(List<String> a, Map<String, String> env) {
    env.forEach((k, v) -> flag(a, "-e", v == null ? k : k + "=" + v));
  }

  static void labels(List<String> a, Map<String, String> labels) {
    labels.forEach((k, v) -> {
      if (!k.startsWith("io.slipway.")) {
        flag(a, "--label", k + "=" + v);
      }
    });
  }

  /** {@code [ip:][host[-end]:]container[/proto]}; host port 0 lets Docker choose. */
  static String port(PortBinding p) {
    String host = p.hostPort() == 0 ? ""
        : p.hostPortEnd() > p.hostPort() ? p.hostPort() + "-" + p.hostPortEnd() : Integer.toString(p.hostPort());
    String ip = p.hostIp() == null ? "" : p.hostIp();
    String prefix = !ip.isEmpty() ? ip + ":" + host + ":" : host.isEmpty() ? "" : host + ":";
    String proto = p.protocol() == null || p.protocol().equals("tcp") ? "" : "/" + p.protocol();
    return prefix + p.containerPort() + proto;
  }

  private static void health(List<String> a, HealthSpec h) {
    List<String> test = h.test();
    if (!test.isEmpty() && test.get(0).equals("NONE")) {
      a.add("--no-healthcheck");
      return;
    }
    if (!test.isEmpty()) {
      // the CLI takes the shell form only; an exec form is shown as the words it runs
      String cmd = test.get(0).equals("CMD-SHELL") ? String.join(" ", test.subList(1, test.size()))
          : test.get(0).equals("CMD") ? ShellWords.join(test.subList(1, test.size()))
          : ShellWords.join(test);
      flag(a, "--health-cmd", cmd);
    }
    if (h.interval() != null) {
      flag(a, "--health-interval", Durations.go(h.interval()));
    }
    if (h.timeout() != null) {
      flag(a, "--health-timeout", Durations.go(h.timeout()));
    }
    if (h.retries() != null) {
      flag(a, "--health-retries", Integer.toString(h.retries()));
    }
    if (h.startPeriod() != null) {
      flag(a, "--health-start-period", Durations.go(h.startPeriod()));
    }
  }

  /** Nano-CPUs as {@code --cpus} takes them ({@code 1500000000} is {@code 1.5}). */
  static String cpus(long nano) {
    return new BigDecimal(nano).movePointLeft(9).stripTrailingZeros().toPlainString();
  }
}
