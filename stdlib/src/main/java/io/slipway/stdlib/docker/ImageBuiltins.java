package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.engine.BuildSpec;
import io.slipway.engine.ImageInfo;
import io.slipway.engine.ImageRef;
import io.slipway.engine.RegistryAuth;
import io.slipway.engine.ResourceTracker;
import io.slipway.stdlib.Library;
import io.slipway.run.Workspace;
import io.slipway.value.ByteSize;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code build}, {@code image}, {@code pull}, {@code load}, {@code importImage} and {@code Image}'s members. */
public final class ImageBuiltins implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: images");
    d.fn("build")
        .param("context", "String", ".", "\".\"")
        .param("dockerfile", "String", "Dockerfile", "\"Dockerfile\"")
        .param("tag", "String?", null, "null")
        .param("target", "String?", null, "null")
        .param("args", "Map<String, String>", Map.of(), "mapOf()")
        .param("labels", "Map<String, String>", Map.of(), "mapOf()")
        .param("noCache", "Bool", false, "false")
        .param("pull", "Bool", false, "false")
        .param("keep", "Bool", false, "false")
        .returns("Image").effects(Effect.DOCKER, Effect.FILES).resultNamedBy("tag")
        .doc("""
            Builds an image from `context` (relative to `build.dir`; `.dockerignore` honoured) \
            and `dockerfile` (relative to the context), streaming the build output. `target` \
            picks a stage of a multi-stage Dockerfile, `args` are build arguments, `labels` are \
            the image's labels: the run adds none, so the same source builds to the same image \
            id. The `Image` refers to the image id this build produced, even if another run \
            moves `tag` meanwhile. A failing build throws `StepFailed` (its `result` holds the \
            build output). The tag is removed when the run ends (only if it still points to this \
            image) unless it was pushed, `keep = true`, or the run has `--keep`; the image is \
            deleted when nothing else refers to it.""")
        .impl(ImageBuiltins::build);
    d.fn("image").param("ref", "String").returns("Image")
        .doc("A reference to an image (`alpine:3.20`); nothing is contacted until it is used, and it is pulled on first use if missing.")
        .impl((cx, r, a) -> new ImageValue((String) a[0], null));
    d.fn("pull").param("ref", "String").param("registry", "Registry?", null, "null")
        .returns("Image").effects(Effect.DOCKER).resultNamedBy("ref")
        .doc("Pulls an image, with the credentials of `registry` (or of a `registry(...)` declared for its host).")
        .impl((cx, r, a) -> pull(cx, (String) a[0], (RegistryValue) a[1]));
    d.fn("load").param("path", "String").effects(Effect.DOCKER, Effect.FILES)
        .doc("Loads images from a tar file written by `Image.save` or `docker save` (relative to `build.dir`).")
        .impl((cx, r, a) -> {
          try (InputStream in = Files.newInputStream(path(cx, "load", (String) a[0]))) {
            DockerSession.call("load " + a[0], () -> {
              Calls.session(cx).engine().loadImages(in);
              return null;
            });
          }
          return Unit.INSTANCE;
        });
    d.fn("importImage").param("path", "String").param("ref", "String").returns("Image")
        .effects(Effect.DOCKER, Effect.FILES).resultNamedBy("ref")
        .doc("Creates an image `ref` from a file-system tar such as `Container.export` writes (`docker import`).")
        .impl((cx, r, a) -> {
          String ref = (String) a[1];
          DockerSession s = Calls.session(cx);
          String hold = hold(cx, s);
          String id;
          try (InputStream in = Files.newInputStream(path(cx, "importImage", (String) a[0]))) {
            id = DockerSession.call("import " + ref, () -> s.engine().importImage(in, hold));
          }
          s.images().held(hold, id);
          tagAs(cx, s, id, ref);
          return new ImageValue(ref, id);
        });
    members(d);
  }

  private static void members(Declarations d) {
    d.property("Image", "ref").type("String").doc("The image reference (`localhost:5000/app:1.2`), or its id when it has no tag.")
        .get((cx, r) -> img(r).ref());
    d.property("Image", "id").type("String").doc("The image id (`sha256:...`): the image this value was built, pulled or tagged as, even if its tag has been moved since.")
        .get((cx, r) -> img(r).id() != null ? img(r).id() : inspect(cx, img(r)).id());
    d.property("Image", "size").type("ByteSize").doc("The image's size.")
        .get((cx, r) -> new ByteSize(inspect(cx, img(r)).size()));
    d.property("Image", "tags").type("List<String>").doc("Every reference the engine has for this image.")
        .get((cx, r) -> inspect(cx, img(r)).tags().stream()
            .filter(t -> !Calls.session(cx).images().isHold(t)).toList());
    d.method("Image", "tag").param("ref", "String").returns("Image").effects(Effect.DOCKER).resultNamedBy("ref")
        .doc("Adds the reference `ref` to the image and returns it as an `Image`; the tag is removed when the run ends unless pushed or kept.")
        .impl((cx, r, a) -> tag(cx, img(r), (String) a[0]));
    d.method("Image", "push").param("registry", "Registry?", null, "null").returns("Image").effects(Effect.DOCKER).resultNamedBy("this")
        .doc("Pushes the image to the registry its reference names, with the credentials of `registry` (or of a `registry(...)` declared for that host). A pushed tag stays after the run.")
        .impl((cx, r, a) -> push(cx, img(r), (RegistryValue) a[0]));
    d.method("Image", "save").param("path", "String").effects(Effect.DOCKER, Effect.WRITES)
        .doc("Writes the image as a tar file (`docker save`), relative to `build.dir`; `load` reads it back.")
        .impl((cx, r, a) -> {
          Path out = path(cx, "save", (String) a[0]);
          ContainerMethods.createParent(out);
          try (OutputStream os = Files.newOutputStream(out)) {
            pointTagAtImage(cx, img(r));
            DockerSession.call("save " + img(r).ref(), () -> {
              Calls.session(cx).engine().saveImages(List.of(img(r).ref()), os);
              return null;
            });
          }
          return Unit.INSTANCE;
        });
    d.method("Image", "keep").returns("Image").effects(Effect.DOCKER).resultNamedBy("this")
        .doc("Keeps the image (this reference) after the run instead of removing it.")
        .impl((cx, r, a) -> {
          DockerSession s = Calls.session(cx);
          String ref = trackId(img(r));
          String hold = ref.startsWith("sha256:") ? s.images().holdOf(ref) : null;
          s.tracker().exemptImage(hold != null ? hold : ref);
          return img(r);
        });
    d.method("Image", "remove").effects(Effect.DOCKER)
        .doc("Removes this reference of the image now (one the run created only while it still points to the run's image).")
        .impl((cx, r, a) -> ContainerMethods.engineDo(cx, "remove image " + img(r).ref(), () -> {
          DockerSession s = Calls.session(cx);
          String ref = trackId(img(r));
          if (s.images().imageOf(ref) != null) {
            s.tracker().remove(ResourceTracker.Kind.IMAGE_TAG, ref, img(r).ref());
          } else if (!ref.startsWith("sha256:")) {
            s.engine().removeImage(img(r).ref(), false);
          }
        }));
  }

  static ImageValue img(Object r) {
    return (ImageValue) r;
  }

  /** A host path named by builtin {@code op}, under the one workspace rule ({@link Workspace}). */
  static Path path(CallContext cx, String op, String p) {
    return Workspace.of(Calls.run(cx)).resolve(op, p);
  }

  /** What the tracker knows a built or tagged image by: its normalised reference. */
  static String trackId(ImageValue i) {
    return i.ref().startsWith("sha256:") ? i.ref() : ImageRef.parse(i.ref()).toString();
  }

  static ImageInfo inspect(CallContext cx, ImageValue i) {
    DockerSession s = Calls.session(cx);
    if (i.id() != null) {
      return DockerSession.call("inspect image " + i.ref(), () -> s.engine().inspectImage(i.id()))
          .orElseThrow(() -> SlipException.engine("no such image: " + i.ref() + " (" + i.id() + ")"));
    }
    s.ensureImage(i.ref(), Calls.output(cx, false));
    return DockerSession.call("inspect image " + i.ref(), () -> s.engine().inspectImage(i.ref()))
        .orElseThrow(() -> SlipException.engine("no such image: " + i.ref()));
  }

  @SuppressWarnings("unchecked")
  private static ImageValue build(CallContext cx, Object recv, Object[] a) {
    DockerSession s = Calls.session(cx);
    Path context = path(cx, "build", (String) a[0]);
    Workspace.of(Calls.run(cx)).resolve("build", context, (String) a[1]); // the Dockerfile too
    checkDockerIgnore(context);
    String tag = (String) a[2];
    // only the pipeline's own labels: run metadata would make every build a different image
    Map<String, String> labels = new LinkedHashMap<>((Map<String, String>) a[5]);
    // the build creates the run's hold reference, never the pipeline's tag: that is added to
    // the id the build returned, so a concurrent build of the same tag cannot swap images here
    String hold = hold(cx, s);
    var spec = new BuildSpec(context, (String) a[1], List.of(hold), (String) a[3],
        (Map<String, String>) a[4], labels, (Boolean) a[6], (Boolean) a[7]);
    Output out = Calls.output(cx, false);
    String what = "build " + a[0] + (a[3] == null ? "" : " (target " + a[3] + ")");
    long start = System.nanoTime();
    ImageInfo info;
    try {
      info = s.engine().build(spec, out.sink());
    } catch (io.slipway.engine.EngineUnavailable e) {
      throw SlipException.unavailable(e.getMessage());
    } catch (io.slipway.engine.EngineException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw DockerSession.<RuntimeException>sneaky(new InterruptedException(what));
      }
      // a failing Dockerfile step is the pipeline's failure (exit 1), like a failing command
      out.finish();
      String message = out.mask(e.getMessage());
      throw Calls.stepFailed(what + " failed: " + message, new io.slipway.value.ExecResult(1,
          out.stdout(), message + "\n", java.time.Duration.ofNanos(System.nanoTime() - start)));
    }
    out.finish();
    s.images().held(hold, info.id());
    String ref = tag == null ? hold : tagAs(cx, s, info.id(), tag);
    if ((Boolean) a[8]) {
      s.tracker().exemptImage(ref);
    }
    return new ImageValue(tag == null ? info.id() : tag, info.id());
  }

  /**
   * A new hold reference of the run ({@link io.slipway.engine.RunImages}), journaled and
   * registered for release before the engine creates it.
   */
  private static String hold(CallContext cx, DockerSession s) {
    String hold = s.images().newHold();
    s.tracker().held(cx.scope(), hold);
    return hold;
  }

  /** Points the pipeline's reference {@code ref} at image {@code id}; returns it normalised. */
  private static String tagAs(CallContext cx, DockerSession s, String id, String ref) {
    String normal = ImageRef.parse(ref).toString();
    DockerSession.call("tag " + id + " as " + ref, () -> {
      s.images().tag(id, normal);
      return null;
    });
    Calls.track(cx, s, ResourceTracker.Kind.IMAGE_TAG, normal, ref);
    return normal;
  }

  /**
   * Before a push or save by reference: points the reference back at this value's image if
   * another run has moved it since (two runs building the same fixed tag).
   */
  private static void pointTagAtImage(CallContext cx, ImageValue i) {
    if (i.id() == null || i.ref().startsWith("sha256:")) {
      return;
    }
    DockerSession s = Calls.session(cx);
    String normal = ImageRef.parse(i.ref()).toString();
    var now = DockerSession.call("inspect image " + i.ref(), () -> s.engine().inspectImage(normal));
    if (now.isEmpty() || !now.get().id().equals(i.id())) {
      DockerSession.call("tag " + i.id() + " as " + i.ref(), () -> {
        s.images().tag(i.id(), normal);
        return null;
      });
    }
  }

  private static ImageValue tag(CallContext cx, ImageValue i, String ref) {
    DockerSession s = Calls.session(cx);
    String id = i.id() != null ? i.id() : inspect(cx, i).id();
    tagAs(cx, s, id, ref);
    return new ImageValue(ref, id);
  }

  static ImageValue pull(CallContext cx, String ref, RegistryValue registry) {
    DockerSession s = Calls.session(cx);
    RegistryAuth auth = registry != null ? RegistryBuiltins.auth(registry) : s.authFor(ref);
    Output out = Calls.output(cx, false);
    DockerSession.call("pull " + ref, () -> {
      s.engine().pull(ref, auth, out.sink());
      return null;
    });
    out.finish();
    // held by the run, so another run re-tagging the reference cannot delete what this one uses
    String id = DockerSession.call("inspect image " + ref, () -> s.engine().inspectImage(ref))
        .orElseThrow(() -> SlipException.engine("pulled image " + ref + " is gone")).id();
    String hold = hold(cx, s);
    DockerSession.call("hold image " + ref, () -> {
      s.engine().tag(id, hold);
      return null;
    });
    s.images().held(hold, id);
    return new ImageValue(ref, id);
  }

  static ImageValue push(CallContext cx, ImageValue i, RegistryValue registry) {
    DockerSession s = Calls.session(cx);
    if (i.ref().startsWith("sha256:")) {
      throw SlipException.error("an image without a tag cannot be pushed: `tag(\"registry/name:tag\")` it first");
    }
    RegistryAuth auth = registry != null ? RegistryBuiltins.auth(registry) : s.authFor(i.ref());
    Output out = Calls.output(cx, false);
    pointTagAtImage(cx, i);
    DockerSession.call("push " + i.ref(), () -> {
      s.engine().push(i.ref(), auth, out.sink());
      return null;
    });
    out.finish();
    s.tracker().exemptImage(trackId(i));
    return i;
  }

  /** A bad {@code .dockerignore} is the pipeline's mistake, reported before the engine is asked. */
  private static void checkDockerIgnore(Path context) {
    try {
      io.slipway.engine.tar.DockerIgnore.load(context);
    } catch (io.slipway.engine.tar.DockerIgnore.InvalidIgnoreFile e) {
      throw SlipException.error("build: " + context.resolve(".dockerignore") + ":" + e.line() + ": "
          + e.reason());
    } catch (java.io.IOException e) {
      throw SlipException.error("build: cannot read " + context.resolve(".dockerignore") + ": "
          + e.getMessage());
    }
  }
}
