package io.slipway.run;

import io.slipway.value.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code secret("NAME")} looks: the process environment first, then
 * {@code .slipway/secrets} beside the pipeline ({@code KEY=VALUE} lines, {@code #} comments).
 * Every value read is registered with the masker before anything can print it.
 */
public final class SecretStore {
  private final Map<String, String> environment;
  private final Map<String, String> file;
  private final SecretMasker masker;

  public SecretStore(Map<String, String> environment, Map<String, String> file,
      SecretMasker masker) {
    this.environment = Map.copyOf(environment);
    this.file = Map.copyOf(file);
    this.masker = masker;
  }

  /** Reads {@code secretsFile} when it exists; a malformed line is skipped. */
  public static SecretStore load(Map<String, String> environment, Path secretsFile,
      SecretMasker masker) throws IOException {
    var values = new LinkedHashMap<String, String>();
    if (secretsFile != null && Files.isRegularFile(secretsFile)) {
      for (String line : Files.readAllLines(secretsFile, StandardCharsets.UTF_8)) {
        String t = line.strip();
        int eq = t.indexOf('=');
        if (t.isEmpty() || t.startsWith("#") || eq <= 0) {
          continue;
        }
        values.put(t.substring(0, eq).strip(), t.substring(eq + 1));
      }
    }
    return new SecretStore(environment, values, masker);
  }

  /** The secret, registered with the masker, or empty when neither source has it. */
  public Optional<SecretValue> get(String name) {
    String v = environment.containsKey(name) ? environment.get(name) : file.get(name);
    if (v == null) {
      return Optional.empty();
    }
    masker.register(v);
    return Optional.of(new SecretValue(name, v));
  }

  /** The names among {@code names} that no source provides. */
  public List<String> missing(Collection<String> names) {
    return names.stream().filter(n -> !environment.containsKey(n) && !file.containsKey(n))
        .distinct().toList();
  }
}
