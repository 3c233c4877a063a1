package io.slipway.pipeline;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.Effect;
import io.slipway.syntax.AstChildren;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Node;
import io.slipway.syntax.ast.Program;
import java.util.List;

/**
 * Whether a program will very likely need the container engine, decided from its source
 * without running it, so that a run may connect while the rest is being prepared.
 */
public final class DockerUse {
  private DockerUse() {}

  /**
   * True when any of the programs (functions included) declares an agent or calls a builtin with
   * the {@link Effect#DOCKER} effect. A pipeline this says no to has no Docker operation
   * anywhere in its source, so its run never calls the engine factory.
   */
  public static boolean usesDocker(BuiltinRegistry registry, List<Program> programs) {
    for (Program p : programs) {
      if (uses(registry, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean uses(BuiltinRegistry registry, Node n) {
    if (n instanceof Expr.Call c && isDocker(registry, c)) {
      return true;
    }
    for (Node child : AstChildren.of(n)) {
      if (uses(registry, child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDocker(BuiltinRegistry registry, Expr.Call c) {
    return switch (c.callee()) {
      case Expr.Name n -> n.id().equals("agent") // the stage's agent container
          || (c.resolution().target() instanceof BuiltinFunction chosen
              ? chosen.effects().contains(Effect.DOCKER)
              : registry.overloads(n.id()).stream().anyMatch(f -> f.effects().contains(Effect.DOCKER)));
      case Expr.Member m -> isDockerMethod(registry, m.name().text());
      default -> false;
    };
  }

  /** A method name every builtin owner of which declares as a Docker operation. */
  private static boolean isDockerMethod(BuiltinRegistry registry, String name) {
    boolean any = false;
    for (BuiltinFunction f : registry.functions()) {
      if (f.owner() != null && f.name().equals(name)) {
        if (!f.effects().contains(Effect.DOCKER)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }
}
