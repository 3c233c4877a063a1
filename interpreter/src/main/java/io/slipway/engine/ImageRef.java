package io.slipway.engine;

/**
 * An image reference split as Docker does: {@code localhost:5000/team/app:1.2} has registry
 * {@code localhost:5000}, repository {@code team/app} and tag {@code 1.2}. The first path
 * component is a registry only if it contains {@code .} or {@code :} or is {@code localhost};
 * otherwise the registry is Docker Hub ({@code docker.io}). A missing tag is {@code latest}
 * unless a digest is given.
 */
public record ImageRef(String registry, String repository, String tag, String digest) {
  public static final String DOCKER_HUB = "docker.io";

  public static ImageRef parse(String ref) {
    String rest = ref;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new ImageRef(registry, rest, tag, digest);
  }

  /** The name without tag or digest, as Docker writes it ({@code localhost:5000/app}). */
  public String name() {
    return registry.equals(DOCKER_HUB) ? repository : registry + "/" + repository;
  }

  /** The full reference with its tag or digest. */
  @Override
  public String toString() {
    return name() + (digest != null ? "@" + digest : ":" + tag);
  }
}
