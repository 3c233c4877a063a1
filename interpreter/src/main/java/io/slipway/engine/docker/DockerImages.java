package io.slipway.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.slipway.engine.BuildSpec;
import io.slipway.engine.EngineException;
import io.slipway.engine.ImageInfo;
import io.slipway.engine.ImageRef;
import io.slipway.engine.LogLine;
import io.slipway.engine.OutputSink;
import io.slipway.engine.RegistryAuth;
import io.slipway.engine.tar.BuildContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Image operations on docker-java. */
final class DockerImages {
  /** Where a Dockerfile from outside the context travels inside the context tar. */
  static final String EXTERNAL_DOCKERFILE = ".slipway.Dockerfile";

  private final DockerClient client;

  DockerImages(DockerClient client) {
    this.client = client;
  }

  ImageInfo build(BuildSpec spec, OutputSink output) {
    Path context = spec.context().toAbsolutePath().normalize();
    if (!Files.isDirectory(context)) {
      throw new EngineException("build context is not a directory: " + spec.context());
    }
    Path dockerfile = context.resolve(spec.dockerfile()).normalize();
    if (!Files.isRegularFile(dockerfile)) {
      throw new EngineException("no Dockerfile at " + dockerfile);
    }
    String inContext;
    Map<String, byte[]> extra = Map.of();
    try {
      if (dockerfile.startsWith(context)) {
        inContext = context.relativize(dockerfile).toString().replace('\\', '/');
      } else {
        inContext = EXTERNAL_DOCKERFILE;
        extra = Map.of(inContext, Files.readAllBytes(dockerfile));
      }
      Path tar = Files.createTempFile("slipway-context-", ".tar");
      try {
        try (OutputStream out = Files.newOutputStream(tar)) {
          BuildContext.write(context, inContext, extra, out);
        }
        try (InputStream in = Files.newInputStream(tar)) {
          return runBuild(spec, inContext, in, output);
        }
      } finally {
        Files.deleteIfExists(tar);
      }
    } catch (IOException e) {
      throw DockerJavaEngine.io("build context " + context, e);
    }
  }

  private ImageInfo runBuild(BuildSpec spec, String dockerfile, InputStream tar, OutputSink output) {
    var cmd = client.buildImageCmd(tar)
        .withDockerfilePath(dockerfile)
        .withNoCache(spec.noCache())
        .withPull(spec.pull())
        .withRemove(true)
        .withForcerm(true)
        .withLabels(spec.labels());
    if (!spec.tags().isEmpty()) {
      cmd.withTags(new LinkedHashSet<>(spec.tags()));
    }
    if (spec.target() != null) {
      cmd.withTarget(spec.target());
    }
    spec.args().forEach(cmd::withBuildArg);
    String id = cmd.exec(new BuildImageResultCallback() {
      @Override
      public void onNext(BuildResponseItem item) {
        if (item.getStream() != null) {
          output.write(LogLine.Stream.STDOUT, item.getStream().getBytes(StandardCharsets.UTF_8));
        }
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
          output.write(LogLine.Stream.STDERR,
              (item.getErrorDetail().getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        super.onNext(item);
      }
    }).awaitImageId();
    return inspect(id).orElseThrow(() -> new EngineException("built image " + id + " vanished"));
  }

  Optional<ImageInfo> inspect(String ref) {
    try {
      InspectImageResponse r = client.inspectImageCmd(ref).exec();
      Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null
          ? Map.of() : r.getConfig().getLabels();
      return Optional.of(new ImageInfo(r.getId(), r.getRepoTags() == null ? List.of() : r.getRepoTags(),
          r.getSize() == null ? 0 : r.getSize(), labels, r.getCreated()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  List<ImageInfo> list(Map<String, String> labels) {
    List<ImageInfo> out = new ArrayList<>();
    for (Image i : client.listImagesCmd().withLabelFilter(labels).exec()) {
      out.add(new ImageInfo(i.getId(), i.getRepoTags() == null ? List.of() : List.of(i.getRepoTags()),
          i.getSize() == null ? 0 : i.getSize(), i.getLabels() == null ? Map.of() : i.getLabels(),
          String.valueOf(i.getCreated())));
    }
    return out;
  }

  void pull(String ref, RegistryAuth auth, OutputSink progress) {
    ImageRef r = ImageRef.parse(ref);
    var cmd = client.pullImageCmd(r.name());
    if (r.digest() != null) {
      cmd = client.pullImageCmd(r.name() + "@" + r.digest());
    } else {
      cmd.withTag(r.tag());
    }
    if (auth != null) {
      cmd.withAuthConfig(authConfig(auth));
    }
    var cb = cmd.exec(new Progress<PullResponseItem>(progress));
    await(cb);
    cb.check();
  }

  void push(String ref, RegistryAuth auth, OutputSink progress) {
    ImageRef r = ImageRef.parse(ref);
    var cmd = client.pushImageCmd(r.name()).withTag(r.tag());
    if (auth != null) {
      cmd.withAuthConfig(authConfig(auth));
    }
    var cb = cmd.exec(new Progress<PushResponseItem>(progress));
    await(cb);
    cb.check();
  }

  void tag(String source, String target) {
    ImageRef r = ImageRef.parse(target);
    client.tagImageCmd(source, r.name(), r.tag()).withForce(true).exec();
  }

  void remove(String ref, boolean force) {
    try {
      client.removeImageCmd(ref).withForce(force).exec();
    } catch (NotFoundException e) {
      // already gone: removal is idempotent
    }
  }

  void save(List<String> refs, OutputStream out) {
    var cmd = client.saveImagesCmd();
    for (String ref : refs) {
      ImageRef r = ImageRef.parse(ref);
      cmd.withImage(r.name(), r.tag());
    }
    try (InputStream in = cmd.exec()) {
      in.transferTo(out);
    } catch (IOException e) {
      throw DockerJavaEngine.io("save", e);
    }
  }

  private static AuthConfig authConfig(RegistryAuth auth) {
    return new AuthConfig().withUsername(auth.username()).withPassword(auth.password())
        .withRegistryAddress(auth.registry());
  }

  private static void await(ResultCallback.Adapter<?> cb) {
    try {
      cb.awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      try {
        cb.close();
      } catch (IOException ignored) {
        // interrupted: the stream is being abandoned anyway
      }
      throw new EngineException("interrupted");
    }
  }

  /** Streams pull/push progress as status lines and remembers the first error. */
  private static final class Progress<T extends ResponseItem> extends ResultCallback.Adapter<T> {
    private final OutputSink sink;
    private volatile String error;

    Progress(OutputSink sink) {
      this.sink = sink;
    }

    @Override
    public void onNext(T item) {
      if (item.getErrorDetail() != null) {
        String m = item.getErrorDetail().getMessage();
        if (error == null) {
          error = m;
        }
        return;
      }
      // per-layer progress bars are noise in a CI log: keep the status lines
      if (item.getStatus() != null
          && (item.getProgressDetail() == null || item.getProgressDetail().getCurrent() == null)) {
        String line = (item.getId() == null ? "" : item.getId() + ": ") + item.getStatus() + "\n";
        sink.write(LogLine.Stream.STDOUT, line.getBytes(StandardCharsets.UTF_8));
      }
    }

    void check() {
      if (error != null) {
        throw new EngineException(error);
      }
    }
  }
}
