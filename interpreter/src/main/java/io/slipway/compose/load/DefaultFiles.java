package io.slipway.compose.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files docker-compose reads when none is named: the first of {@code compose.yaml},
 * {@code compose.yml}, {@code docker-compose.yml}, {@code docker-compose.yaml} in the directory
 * or its nearest parent that has one, plus that directory's override file if present.
 */
public final class DefaultFiles {
  private DefaultFiles() {}

  private static final List<String> NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml",
      "docker-compose.yaml");
  private static final List<String> OVERRIDES = List.of("compose.override.yaml", "compose.override.yml",
      "docker-compose.override.yml", "docker-compose.override.yaml");

  /** The files, or an empty list when no directory up to the root has one. */
  public static List<Path> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      for (String n : NAMES) {
        if (Files.isRegularFile(dir.resolve(n))) {
          List<Path> out = new ArrayList<>(List.of(dir.resolve(n)));
          for (String o : OVERRIDES) {
            if (Files.isRegularFile(dir.resolve(o))) {
              out.add(dir.resolve(o));
              break;
            }
          }
          return out;
        }
      }
    }
    return List.of();
  }
}
