package io.slipway.stdlib.docker;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;

/** The Docker domain types (spec §3, §6, §7, §9). */
public final class DockerTypes implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: types");
    d.type("Image", "An image reference (`image(..)`, `build(..)`, `pull(..)`), tagged, pushed and saved through its methods.", ImageValue.class, "Any");
    d.type("Container", "A container of the run (`start`, `service`); removed when the run ends (a `service` when its stage ends).", ContainerValue.class, "Any");
    d.type("Network", "A network of the run (`network(..)`); its containers reach each other by name.", NetworkValue.class, "Any");
    d.type("Volume", "A named volume of the run (`volume(..)`).", VolumeValue.class, "Any");
    d.type("Registry", "A registry and its credentials (`registry(..)`).", RegistryValue.class, "Any");
    d.type("Readiness", "When a container counts as ready: `healthy()`, `tcp(port)`, `http(port, path)`, `log(regex)`.", Readiness.class, "Any");
    d.type("Engine", "A Docker engine other than the default one (`docker(host, tls)`), used with `on(engine) { .. }`.", EngineValue.class, "Any");
    d.type("Tls", "TLS files for a remote engine (`tls(ca, cert, key)`).", TlsValue.class, "Any");
    d.type("Stack", "A compose project (`compose(files..)`): `config()`, `up()`, `service(name)`, `down()`.", StackValue.class, "Any");
    d.type("Service", "A service of a compose `Stack`: `exec`, `logs`, `ip`, `containers`.", ServiceValue.class, "Any");
    d.type("LinkScope", "The receiver of a `link(..) { }` block: the stream faults of one proxied link.", LinkScopeValue.class, "Any");
    d.type("ChaosAction", "What `chaos(..)` does to its targets: `Chaos.KILL`, `Chaos.STOP`, `Chaos.PAUSE`, `Chaos.RESTART`, `Chaos.PARTITION`.", ChaosAction.class, "Any");
    d.type("ChaosActions", "The type of the `Chaos` constants.", ChaosAction.Actions.class, "Any");
  }
}
