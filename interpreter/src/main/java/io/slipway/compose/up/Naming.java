package io.slipway.compose.up;

import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.model.Service;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * docker-compose's names and labels, so that {@code docker-compose -p NAME ps} sees what Slipway
 * starts: containers {@code <project>_<service>_<n>} (or {@code container_name}), one-off
 * containers {@code <project>_<service>_run_<slug>}, built images {@code <project>_<service>},
 * and the {@code com.docker.compose.*} labels.
 */
final class Naming {
  static final String PROJECT = "com.docker.compose.project";
  static final String SERVICE = "com.docker.compose.service";
  static final String NUMBER = "com.docker.compose.container-number";
  static final String ONE_OFF = "com.docker.compose.oneoff";
  static final String CONFIG_HASH = "com.docker.compose.config-hash";
  static final String VERSION = "com.docker.compose.version";
  static final String WORKING_DIR = "com.docker.compose.project.working_dir";
  static final String CONFIG_FILES = "com.docker.compose.project.config_files";
  static final String SLUG = "com.docker.compose.slug";
  static final String NETWORK = "com.docker.compose.network";
  static final String VOLUME = "com.docker.compose.volume";
  /** The docker-compose release whose conventions these names and labels follow. */
  static final String COMPOSE_VERSION = "1.29.2";

  private Naming() {}

  static String container(ComposeProject p, Service s, int number) {
    return s.containerName() != null ? s.containerName() : p.name() + "_" + s.name() + "_" + number;
  }

  static String oneOff(ComposeProject p, Service s, String slug) {
    return p.name() + "_" + s.name() + "_run_" + slug;
  }

  /** The image {@code up} uses: {@code image}, or {@code <project>_<service>} for a build without one. */
  static String image(ComposeProject p, Service s) {
    return s.image() != null ? s.image() : p.name() + "_" + s.name();
  }

  /** The labels selecting a project's (or one service's) containers, one-offs excluded. */
  static Map<String, String> selector(ComposeProject p, String service, boolean oneOff) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(PROJECT, p.name());
    if (service != null) {
      m.put(SERVICE, service);
    }
    m.put(ONE_OFF, oneOff ? "True" : "False");
    return m;
  }

  static Map<String, String> containerLabels(ComposeProject p, Service s, Integer number, String slug) {
    Map<String, String> m = new LinkedHashMap<>(s.labels());
    m.put(PROJECT, p.name());
    m.put(SERVICE, s.name());
    m.put(ONE_OFF, slug == null ? "False" : "True");
    if (number != null) {
      m.put(NUMBER, String.valueOf(number));
    }
    if (slug != null) {
      m.put(SLUG, slug);
    }
    m.put(VERSION, COMPOSE_VERSION);
    m.put(WORKING_DIR, p.workingDir().toString());
    m.put(CONFIG_FILES, p.files().stream().map(f -> relative(p.workingDir(), f)).collect(Collectors.joining(",")));
    return m;
  }

  private static String relative(Path dir, Path file) {
    return file.startsWith(dir) ? dir.relativize(file).toString() : file.toString();
  }

  static Map<String, String> networkLabels(ComposeProject p, String key, Map<String, String> user) {
    Map<String, String> m = new LinkedHashMap<>(user);
    m.put(PROJECT, p.name());
    m.put(NETWORK, key);
    m.put(VERSION, COMPOSE_VERSION);
    return m;
  }

  static Map<String, String> volumeLabels(ComposeProject p, String key, Map<String, String> user) {
    Map<String, String> m = new LinkedHashMap<>(user);
    m.put(PROJECT, p.name());
    m.put(VOLUME, key);
    m.put(VERSION, COMPOSE_VERSION);
    return m;
  }
}
