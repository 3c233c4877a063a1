package io.slipway.compose.swarm;

import io.slipway.engine.SwarmServiceSpec;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two hashes a deployed service carries: of its task template (image, command, environment,
 * container labels, networks, mounts, resources, restart policy, placement, health check ...:
 * what makes Swarm replace its tasks) and of its whole spec (also replicas, ports, update and
 * rollback policies and service labels). Records are written field by field and maps in key
 * order, so a hash depends on the content only.
 */
final class Hashes {
  private Hashes() {}

  /** {@code spec} with its task hash among its container labels and its spec hash among its labels. */
  static SwarmServiceSpec stamp(SwarmServiceSpec s) {
    var task = new SwarmServiceSpec(s.name(), s.image(), s.entrypoint(), s.command(), s.env(), Map.of(),
        s.containerLabels(), false, null, s.networks(), java.util.List.of(), s.resources(), s.restart(),
        null, null, s.placement(), s.healthcheck(), s.stopGracePeriod(), s.workdir(), s.user(),
        s.hostname(), s.init(), s.mounts());
    Map<String, String> containerLabels = new LinkedHashMap<>(s.containerLabels());
    containerLabels.put(StackSpec.TASK_HASH, of(task));
    var withTask = new SwarmServiceSpec(s.name(), s.image(), s.entrypoint(), s.command(), s.env(), s.labels(),
        containerLabels, s.global(), s.replicas(), s.networks(), s.ports(), s.resources(), s.restart(),
        s.update(), s.rollback(), s.placement(), s.healthcheck(), s.stopGracePeriod(), s.workdir(),
        s.user(), s.hostname(), s.init(), s.mounts());
    Map<String, String> labels = new LinkedHashMap<>(s.labels());
    labels.put(StackSpec.SPEC_HASH, of(withTask));
    return new SwarmServiceSpec(s.name(), s.image(), s.entrypoint(), s.command(), s.env(), labels,
        containerLabels, s.global(), s.replicas(), s.networks(), s.ports(), s.resources(), s.restart(),
        s.update(), s.rollback(), s.placement(), s.healthcheck(), s.stopGracePeriod(), s.workdir(),
        s.user(), s.hostname(), s.init(), s.mounts());
  }

  static String of(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("~");
    } else if (v instanceof Record r) {
      sb.append(r.getClass().getSimpleName()).append('(');
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        sb.append(c.getName()).append('=');
        try {
          write(c.getAccessor().invoke(r), sb);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        sb.append(';');
      }
      sb.append(')');
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      new TreeMap<>(m).forEach((k, x) -> {
        write(k, sb);
        sb.append(':');
        write(x, sb);
        sb.append(',');
      });
      sb.append('}');
    } else if (v instanceof Collection<?> c) {
      sb.append('[');
      for (Object o : c) {
        write(o, sb);
        sb.append(',');
      }
      sb.append(']');
    } else {
      String s = String.valueOf(v);
      sb.append(s.length()).append(':').append(s);
    }
  }
}
