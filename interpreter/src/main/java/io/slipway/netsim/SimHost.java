package io.slipway.netsim;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.RunLabels;
import java.util.Map;

/**
 * What network simulation needs from the run it serves: the engine, the run's labels (every
 * helper carries them), the environment (the helper image reference), a place to say what it
 * does, and the run's cleanup registration (conditions are removed when the run ends, fails or
 * is interrupted; with {@code keep} they stay for {@code slipway gc}).
 */
public interface SimHost {
  ContainerEngine engine();

  RunLabels labels();

  Map<String, String> env();

  void say(String line);

  void onCleanup(String what, Runnable action);

  boolean keep();

  /**
   * The name of this simulation's journal file (without its suffix): the run id, qualified when
   * one run simulates on several engines (each has its own).
   */
  default String journalName() {
    return labels().runId();
  }
}
