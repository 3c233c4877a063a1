package io.slipway.run;

import io.slipway.value.SlipObject;

/**
 * The {@code build} global: the per-pipeline build number, the tag derived from it
 * ({@code slipway-<pipeline>-<number>}), the unique run id (also the {@code io.slipway.run}
 * label value) and the pipeline's directory.
 */
public record BuildInfo(long number, String tag, String id, String dir) implements SlipObject {
  public static BuildInfo of(String pipeline, long number, String id, String dir) {
    return new BuildInfo(number, "slipway-" + pipeline + "-" + number, id, dir);
  }

  @Override
  public String typeName() {
    return "Build";
  }

  @Override
  public String toString() {
    return "Build(number=" + number + ", tag=" + tag + ", id=" + id + ", dir=" + dir + ")";
  }
}
