package io.slipway.stdlib.docker;

import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.engine.ImageRef;
import io.slipway.engine.RegistryAuth;
import io.slipway.stdlib.Library;
import io.slipway.value.SecretValue;

/** {@code registry}, {@code Registry}'s members and {@code promote} (spec §7). */
public final class RegistryBuiltins implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: registries");
    d.fn("registry").param("host", "String").param("username", "String?", null, "null")
        .param("password", "Secret?", null, "null").returns("Registry")
        .doc("""
            A registry (`localhost:5000`) and its credentials. Once declared, `push`, `pull` and \
            `promote` of images on that host use the credentials without repeating them. The \
            password is a `Secret` and never appears in output.""")
        .impl((cx, r, a) -> {
          var reg = new RegistryValue((String) a[0], (String) a[1], (SecretValue) a[2]);
          if (reg.username() != null) {
            RegistryAuths.of(Calls.run(cx)).add(auth(reg));
          }
          return reg;
        });
    d.property("Registry", "host").type("String").doc("The registry's host and port.")
        .get((cx, r) -> ((RegistryValue) r).host());
    d.method("Registry", "tags").param("repo", "String").returns("List<String>").effects(Effect.NETWORK)
        .doc("The tags of repository `repo` (`team/app`), through the Registry v2 API (`GET /v2/<repo>/tags/list`); empty for an unknown repository.")
        .impl((cx, r, a) -> {
          RegistryValue reg = (RegistryValue) r;
          return new RegistryClient(reg.host(), auth(reg)).tags((String) a[0]);
        });
    d.fn("promote").param("from", "String").param("to", "String").returns("Image").effects(Effect.DOCKER).resultNamedBy("to")
        .doc("""
            Copies an image between registries: pulls `from`, tags it `to` and pushes it, with \
            the credentials of the `registry(...)` declared for each host. The local `to` tag is \
            removed when the run ends; the pushed image stays.""")
        .impl((cx, r, a) -> {
          ImageValue pulled = ImageBuiltins.pull(cx, (String) a[0], null);
          DockerSession s = Calls.session(cx);
          String to = (String) a[1];
          DockerSession.call("tag " + a[0] + " as " + to, () -> {
            s.images().tag(pulled.id(), ImageRef.parse(to).toString());
            return null;
          });
          Calls.track(cx, s, io.slipway.engine.ResourceTracker.Kind.IMAGE_TAG,
              ImageRef.parse(to).toString(), to);
          ImageValue target = new ImageValue(to, pulled.id());
          DockerSession.call("push " + to, () -> {
            Output out = Calls.output(cx, false);
            s.engine().push(to, s.authFor(to), out.sink());
            out.finish();
            return null;
          });
          return target;
        });
  }

  /** The engine credentials of a registry value, or null without a username. */
  static RegistryAuth auth(RegistryValue reg) {
    if (reg == null || reg.username() == null) {
      return null;
    }
    return new RegistryAuth(reg.host(), reg.username(), reg.password() == null ? "" : reg.password().reveal());
  }
}
