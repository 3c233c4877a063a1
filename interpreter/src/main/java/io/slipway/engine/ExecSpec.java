package io.slipway.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A process to run in a running container: an argument vector, extra env, workdir, user. */
public record ExecSpec(List<String> command, Map<String, String> env, String workdir,
    String user) {
  public ExecSpec {
    command = List.copyOf(command);
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  public static ExecSpec of(List<String> command) {
    return new ExecSpec(command, Map.of(), null, null);
  }
}
