package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.compose.swarm.ServiceStatus;
import io.slipway.compose.swarm.StackDeployer;
import io.slipway.compose.swarm.StackSpec;
import io.slipway.compose.swarm.StackSpecs;
import io.slipway.compose.up.ComposeException;
import io.slipway.engine.EngineException;
import io.slipway.engine.SwarmTask;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.time.Duration;
import java.util.List;

/**
 * Docker Swarm stacks (spec §7): {@code deploy(stack, name, on)}, {@code undeploy(name, on)},
 * {@code swarmServices(name, on)}. The engine is {@code on}, else the innermost
 * {@code on(engine) { }} block's, else the default one; it must be a swarm manager. A deployed
 * stack outlives the run (it is a deployment, like a pushed image): the run does not remove it.
 */
public final class SwarmBuiltins implements Library {
  private static final Duration POLL = Duration.ofMillis(250);

  @Override
  public void declare(Declarations d) {
    d.category("Docker: swarm stacks");
    d.type("Deployment", "What `deploy` did: the services it `created`, `updated` and left `unchanged`.",
        SwarmValues.Deployment.class, "Any");
    d.type("StackService", "A service of a deployed stack (`swarmServices`): replicas, running tasks, tasks.",
        SwarmValues.StackService.class, "Any");
    d.type("StackTask", "A task of a deployed service: slot, state, desired state, error.",
        SwarmValues.StackTask.class, "Any");
    d.fn("deploy").param("stack", "Stack").param("name", "String").param("on", "Engine?", null, "null")
        .param("timeout", "Duration", Duration.ofMinutes(3), "3.minutes").returns("Deployment")
        .effects(Effect.DOCKER)
        .doc("""
            Deploys a compose stack to Docker Swarm as `docker stack deploy -c FILE NAME` does: \
            services `NAME_service` with `deploy`'s mode, replicas, resources, restart, update \
            and rollback policies, placement and labels, published ports, overlay networks \
            `NAME_network`. Only services whose specification changed are created or updated \
            (the CLI updates them all); the others are left alone and reported unchanged. \
            Returns when every changed service runs its replicas of the new spec and none of \
            the old, steadily for `update_config.monitor` (5 s by default, as `docker service \
            create` verifies); a service whose tasks fail (or whose update is paused or rolled back) \
            fails the step naming the service and its tasks' errors, as does `timeout`. The \
            engine is `on`, else the enclosing `on(engine) { }` one, else the default; it must \
            be a swarm manager. The stack stays after the run; `undeploy` removes it.""")
        .impl((cx, r, a) -> deploy(cx, (StackValue) a[0], (String) a[1], (EngineValue) a[2], (Duration) a[3]));
    d.fn("undeploy").param("name", "String").param("on", "Engine?", null, "null").effects(Effect.DOCKER)
        .doc("Removes a deployed stack (`docker stack rm`): its services, then its networks once their tasks are gone.")
        .impl((cx, r, a) -> {
          StackDeployer deployer = deployer(cx, (EngineValue) a[1], Duration.ofMinutes(2));
          run("undeploy stack " + a[0], () -> deployer.undeploy((String) a[0]));
          return Unit.INSTANCE;
        });
    d.fn("swarmServices").param("name", "String").param("on", "Engine?", null, "null")
        .returns("List<StackService>").effects(Effect.DOCKER)
        .doc("The services of a deployed stack with their tasks (`docker stack services` and `docker stack ps`); empty when it is not deployed.")
        .impl((cx, r, a) -> {
          StackDeployer deployer = deployer(cx, (EngineValue) a[1], Duration.ofMinutes(1));
          return run("list the services of stack " + a[0], () -> deployer.services((String) a[0]).stream()
              .map(s -> (Object) new SwarmValues.StackService(s)).toList());
        });
    properties(d);
  }

  private static void properties(Declarations d) {
    d.property("Deployment", "created").type("List<String>").doc("Services created by this deploy.")
        .get((cx, r) -> ((SwarmValues.Deployment) r).result().created());
    d.property("Deployment", "updated").type("List<String>").doc("Services whose spec changed and were updated.")
        .get((cx, r) -> ((SwarmValues.Deployment) r).result().updated());
    d.property("Deployment", "unchanged").type("List<String>").doc("Services left as they were.")
        .get((cx, r) -> ((SwarmValues.Deployment) r).result().unchanged());
    d.property("StackService", "name").type("String").doc("The compose service name (`web`).")
        .get((cx, r) -> st(r).service());
    d.property("StackService", "fullName").type("String").doc("The swarm service name (`stack_web`).")
        .get((cx, r) -> st(r).name());
    d.property("StackService", "image").type("String").doc("The image the service runs.")
        .get((cx, r) -> st(r).image());
    d.property("StackService", "mode").type("String").doc("`replicated` or `global`.")
        .get((cx, r) -> st(r).mode());
    d.property("StackService", "replicas").type("Int?").doc("The replicas asked for; null when global.")
        .get((cx, r) -> st(r).replicas() == null ? null : (Object) (long) st(r).replicas());
    d.property("StackService", "running").type("Int").doc("How many tasks are running.")
        .get((cx, r) -> (long) st(r).running());
    d.property("StackService", "updateState").type("String?").doc("The state of its last update (`updating`, `completed`, `paused`, `rollback_completed`), null if never updated.")
        .get((cx, r) -> st(r).updateState());
    d.property("StackService", "tasks").type("List<StackTask>").doc("Its tasks, newest first (past ones too, as `docker stack ps`).")
        .get((cx, r) -> st(r).tasks().stream().map(t -> (Object) new SwarmValues.StackTask(t)).toList());
    d.property("StackTask", "slot").type("Int?").doc("The replica slot (null for a global service).")
        .get((cx, r) -> task(r).slot() == null ? null : (Object) (long) task(r).slot());
    d.property("StackTask", "state").type("String").doc("`running`, `failed`, `rejected`, `shutdown`, `complete`, ...")
        .get((cx, r) -> String.valueOf(task(r).state()));
    d.property("StackTask", "desiredState").type("String").doc("The state the orchestrator wants (`running`, `shutdown`).")
        .get((cx, r) -> String.valueOf(task(r).desiredState()));
    d.property("StackTask", "error").type("String?").doc("The task's error, if any.")
        .get((cx, r) -> task(r).error() == null || task(r).error().isBlank() ? null : task(r).error());
    d.property("StackTask", "image").type("String").doc("The image of the task's spec.")
        .get((cx, r) -> String.valueOf(task(r).image()));
    d.property("StackTask", "node").type("String").doc("The id of the node the task was scheduled on.")
        .get((cx, r) -> String.valueOf(task(r).node()));
  }

  private static ServiceStatus st(Object r) {
    return ((SwarmValues.StackService) r).status();
  }

  private static SwarmTask task(Object r) {
    return ((SwarmValues.StackTask) r).task();
  }

  private static Object deploy(CallContext cx, StackValue stack, String name, EngineValue on, Duration timeout)
      throws InterruptedException {
    if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      throw SlipException.error("deploy: `" + name + "` is not a valid stack name (letters, digits, `_`, `.`, `-`)");
    }
    StackSpec spec;
    try {
      spec = StackSpecs.of(stack.project(), name);
    } catch (ComposeException e) {
      throw SlipException.error("deploy: " + e.getMessage());
    }
    StackDeployer deployer = deployer(cx, on, timeout);
    Output out = Calls.output(cx, false);
    try {
      return new SwarmValues.Deployment(name, run("deploy stack " + name, () -> deployer.deploy(spec)));
    } finally {
      out.finish();
    }
  }

  private static StackDeployer deployer(CallContext cx, EngineValue on, Duration timeout) {
    DockerSession s = on == null ? Calls.session(cx) : Calls.session(cx, on.target());
    Output out = Calls.output(cx, false);
    return new StackDeployer(s.engine(), out::info, timeout, POLL);
  }

  /** Runs a swarm operation: compose-level failures are Slipway errors, engine ones EngineErrors. */
  private static <T> T run(String operation, StackOps.Op<T> body) throws InterruptedException {
    try {
      return StackOps.call(body);
    } catch (EngineException e) {
      if (!(e instanceof io.slipway.engine.EngineUnavailable) && Thread.currentThread().isInterrupted()) {
        throw new InterruptedException(operation);
      }
      throw io.slipway.interp.EngineFailures.toError(e, operation);
    }
  }
}
