package io.slipway.stdlib.docker;

import io.slipway.compose.swarm.ServiceStatus;
import io.slipway.compose.swarm.StackDeployer;
import io.slipway.engine.SwarmTask;
import io.slipway.value.SlipObject;

/** The values of the swarm builtins: a deploy's outcome, a deployed service, one of its tasks. */
final class SwarmValues {
  private SwarmValues() {}

  /** A {@code Deployment}: what {@code deploy} created, updated and left unchanged. */
  record Deployment(String stack, StackDeployer.Result result) implements SlipObject {
    @Override
    public String typeName() {
      return "Deployment";
    }

    @Override
    public String toString() {
      return "Deployment(" + stack + ": created " + result.created() + ", updated " + result.updated()
          + ", unchanged " + result.unchanged() + ")";
    }
  }

  /** A {@code StackService}: a deployed service and its tasks. */
  record StackService(ServiceStatus status) implements SlipObject {
    @Override
    public String typeName() {
      return "StackService";
    }

    @Override
    public String label() {
      return status.name();
    }

    @Override
    public String toString() {
      return status.name() + " " + status.mode() + " " + status.running() + "/"
          + (status.replicas() == null ? "global" : status.replicas()) + " " + status.image();
    }
  }

  /** A {@code StackTask}: one task of a deployed service. */
  record StackTask(SwarmTask task) implements SlipObject {
    @Override
    public String typeName() {
      return "StackTask";
    }

    @Override
    public String toString() {
      String err = task.error() == null || task.error().isBlank() ? "" : " " + task.error();
      return (task.slot() == null ? "" : task.slot() + " ") + task.state() + " (desired " + task.desiredState()
          + ") " + task.image() + err;
    }
  }
}
