package io.slipway.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to create a container. {@code command} null keeps the image's CMD;
 * {@code aliases} are DNS names on {@code network} (besides the container name); {@code init}
 * runs Docker's tiny init as PID 1 so that SIGTERM stops a shell or {@code sleep} promptly;
 * {@code options} holds the less common settings compose files use (null: none). An {@code env}
 * value of null passes the variable without a value. Build with {@link #builder(String)}.
 */
public record ContainerSpec(String image, String name, List<String> command,
    List<String> entrypoint, Map<String, String> env, String workdir, String user,
    Map<String, String> labels, String network, List<String> aliases, List<PortBinding> ports,
    List<Mount> mounts, HealthSpec healthcheck, boolean init, List<String> capAdd,
    Duration stopTimeout, String hostname, boolean stdinOpen, ContainerOptions options) {

  public ContainerSpec {
    command = command == null ? null : List.copyOf(command);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    env = copy(env);
    labels = copy(labels);
    aliases = List.copyOf(aliases);
    ports = List.copyOf(ports);
    mounts = List.copyOf(mounts);
    capAdd = List.copyOf(capAdd);
  }

  private static Map<String, String> copy(Map<String, String> m) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  public static Builder builder(String image) {
    return new Builder(image);
  }

  /** A fluent builder; unset fields take Docker's defaults. */
  public static final class Builder {
    private final String image;
    private String name;
    private List<String> command;
    private List<String> entrypoint;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String workdir;
    private String user;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String network;
    private final List<String> aliases = new ArrayList<>();
    private final List<PortBinding> ports = new ArrayList<>();
    private final List<Mount> mounts = new ArrayList<>();
    private HealthSpec healthcheck;
    private boolean init;
    private final List<String> capAdd = new ArrayList<>();
    private Duration stopTimeout;
    private String hostname;
    private boolean stdinOpen;
    private ContainerOptions options;

    private Builder(String image) {
      this.image = image;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder command(List<String> v) {
      command = v;
      return this;
    }

    public Builder entrypoint(List<String> v) {
      entrypoint = v;
      return this;
    }

    public Builder env(Map<String, String> v) {
      env.putAll(v);
      return this;
    }

    public Builder workdir(String v) {
      workdir = v;
      return this;
    }

    public Builder user(String v) {
      user = v;
      return this;
    }

    public Builder labels(Map<String, String> v) {
      labels.putAll(v);
      return this;
    }

    public Builder network(String v) {
      network = v;
      return this;
    }

    public Builder alias(String v) {
      aliases.add(v);
      return this;
    }

    public Builder port(PortBinding v) {
      ports.add(v);
      return this;
    }

    public Builder mount(Mount v) {
      mounts.add(v);
      return this;
    }

    public Builder healthcheck(HealthSpec v) {
      healthcheck = v;
      return this;
    }

    public Builder init(boolean v) {
      init = v;
      return this;
    }

    public Builder capAdd(String v) {
      capAdd.add(v);
      return this;
    }

    public Builder stopTimeout(Duration v) {
      stopTimeout = v;
      return this;
    }

    public Builder hostname(String v) {
      hostname = v;
      return this;
    }

    public Builder stdinOpen(boolean v) {
      stdinOpen = v;
      return this;
    }

    public Builder options(ContainerOptions v) {
      options = v;
      return this;
    }

    public ContainerSpec build() {
      return new ContainerSpec(image, name, command, entrypoint, env, workdir, user, labels,
          network, aliases, ports, mounts, healthcheck, init, capAdd, stopTimeout, hostname,
          stdinOpen, options);
    }
  }
}
