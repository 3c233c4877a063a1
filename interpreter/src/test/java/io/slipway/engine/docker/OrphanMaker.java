package io.slipway.engine.docker;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.RunLabels;
import io.slipway.engine.VolumeSpec;
import java.util.List;

/**
 * A stand-in for a run that is killed with {@code kill -9}: creates a labelled network, volume
 * and running container as a run would, prints {@code ready}, then waits to be killed.
 */
public final class OrphanMaker {
  private OrphanMaker() {}

  public static void main(String[] args) throws Exception {
    var labels = RunLabels.forCurrentProcess(args[0], "orphans");
    ContainerEngine engine = DockerJavaEngine.connect();
    engine.createNetwork(new NetworkSpec(labels.scoped("net"), "bridge", labels.labels(), false));
    engine.createVolume(new VolumeSpec(labels.scoped("vol"), labels.labels()));
    String c = engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(labels.scoped("c"))
        .labels(labels.labels()).network(labels.scoped("net")).command(List.of("sleep", "600")).build());
    engine.startContainer(c);
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(600_000);
  }
}
