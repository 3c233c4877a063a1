package io.slipway.stdlib;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.Declarations;
import io.slipway.stdlib.core.AnyMethods;
import io.slipway.stdlib.core.Chars;
import io.slipway.stdlib.core.Comparisons;
import io.slipway.stdlib.core.CoreTypes;
import io.slipway.stdlib.core.Files;
import io.slipway.stdlib.core.Git;
import io.slipway.stdlib.core.Http;
import io.slipway.stdlib.core.JsLib;
import io.slipway.stdlib.core.JsonLib;
import io.slipway.stdlib.core.KotlinExtras;
import io.slipway.stdlib.core.ListExtras;
import io.slipway.stdlib.core.Lists;
import io.slipway.stdlib.core.Maps;
import io.slipway.stdlib.core.MutableLists;
import io.slipway.stdlib.core.Numbers;
import io.slipway.stdlib.core.Regexes;
import io.slipway.stdlib.core.NullableReceivers;
import io.slipway.stdlib.core.ScopeFunctions;
import io.slipway.stdlib.core.Sets;
import io.slipway.stdlib.core.Strings;
import io.slipway.stdlib.core.Tuples;
import io.slipway.stdlib.core.Units;
import io.slipway.stdlib.docker.BlockadeBuiltins;
import io.slipway.stdlib.docker.ChaosBuiltins;
import io.slipway.stdlib.docker.ContainerBuiltins;
import io.slipway.stdlib.docker.ContainerLifecycle;
import io.slipway.stdlib.docker.ContainerMethods;
import io.slipway.stdlib.docker.DockerTypes;
import io.slipway.stdlib.docker.ImageBuiltins;
import io.slipway.stdlib.docker.NetsimBuiltins;
import io.slipway.stdlib.docker.NetworkBuiltins;
import io.slipway.stdlib.docker.ComposeBuiltins;
import io.slipway.stdlib.docker.EngineBuiltins;
import io.slipway.stdlib.docker.LinkBuiltins;
import io.slipway.stdlib.docker.SwarmBuiltins;
import io.slipway.stdlib.docker.ReadinessBuiltins;
import io.slipway.stdlib.docker.RegistryBuiltins;
import io.slipway.stdlib.steps.ControlSteps;
import io.slipway.stdlib.steps.ErrorTypes;
import io.slipway.stdlib.steps.GlobalSteps;
import io.slipway.stdlib.steps.PipelineSteps;
import io.slipway.stdlib.steps.ShellStep;
import java.util.List;

/**
 * Assembles the standard library: every builtin is declared exactly once, by one of the
 * {@link Library} parts listed here, and read by the checker, the interpreter and the docs.
 */
public final class Stdlib {
  private Stdlib() {}

  /** The libraries in docs order. Each helper area adds its part here. */
  static List<Library> libraries() {
    return List.of(
        // core: stdlib-core
        new CoreTypes(), new AnyMethods(), new Numbers(), new Strings(), new Chars(), new Lists(),
        new MutableLists(), new Sets(), new Maps(), new Tuples(), new ListExtras(), new KotlinExtras(), new Comparisons(), new Units(), new JsonLib(), new Files(), new Http(),
        new Git(), new JsLib(), new Regexes(),
        new ScopeFunctions(), new NullableReceivers(),
        // pipeline DSL and steps: interpreter
        new PipelineSteps(), new ErrorTypes(), new GlobalSteps(), new ControlSteps(),
        new ShellStep(),
        // Docker: docker
        new DockerTypes(), new ImageBuiltins(), new ContainerBuiltins(), new ContainerMethods(),
        new ContainerLifecycle(),
        new NetworkBuiltins(), new ReadinessBuiltins(), new RegistryBuiltins(),
        new ComposeBuiltins(), new NetsimBuiltins(), new ChaosBuiltins(), new BlockadeBuiltins(),
        new EngineBuiltins(), new SwarmBuiltins(), new LinkBuiltins());
  }

  /** A fresh, frozen registry holding the whole standard library. */
  public static BuiltinRegistry registry() {
    var registry = new BuiltinRegistry();
    var decl = new Declarations(registry);
    for (Library lib : libraries()) {
      lib.declare(decl);
    }
    return registry.freeze();
  }
}
