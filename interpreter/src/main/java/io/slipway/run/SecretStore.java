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
  private boolean placeholders;

  public SecretStore(Map<String, String> environment, Map<String, String> file,
      SecretMasker masker) {
    this.environment = Map.copyOf(environment);
    this.file = Map.copyOf(file);
    this.masker = masker;
  }

  /** A secrets file holds credentials, never data: anything larger is a mistake. */
  static final int MAX_FILE_BYTES = 1 << 20;

  /** Reads {@code secretsFile} when it exists; a malformed line is skipped. */
  public static SecretStore load(Map<String, String> environment, Path secretsFile,
      SecretMasker masker) throws IOException {
    return new SecretStore(environment, readFile(secretsFile), masker);
  }

  /**
   * A masker knowing every secret a diagnostic about a file in {@code dir} could show: the
   * values of each {@code .slipway/secrets} in {@code dir} and its parents (so checking the
   * secrets file itself, or a file beside it, masks them too) and the environment values of
   * {@code names}. Unreadable files are skipped: this only adds masking.
   */
  public static SecretMasker knownFor(Path dir, Map<String, String> environment,
      Collection<String> names) {
    var masker = new SecretMasker();
    for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      try {
        readFile(p.resolve(".slipway").resolve("secrets")).values().forEach(masker::register);
      } catch (IOException | RuntimeException e) {
        // nothing to add from this one
      }
    }
    for (String n : names) {
      masker.register(environment.get(n));
    }
    return masker;
  }

  private static Map<String, String> readFile(Path secretsFile) throws IOException {
    var values = new LinkedHashMap<String, String>();
    if (secretsFile != null && Files.isRegularFile(secretsFile)) {
      if (Files.size(secretsFile) > MAX_FILE_BYTES) {
        throw new IOException(secretsFile + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
      }
      for (String line : Files.readAllLines(secretsFile, StandardCharsets.UTF_8)) {
        String t = line.strip();
        int eq = t.indexOf('=');
        if (t.isEmpty() || t.startsWith("#") || eq <= 0) {
          continue;
        }
        values.put(t.substring(0, eq).strip(), t.substring(eq + 1));
      }
    }
    return values;
  }

  /**
   * For {@code slipway plan}, which never reveals a secret (nothing that sends one runs): a
   * secret neither source has is an empty placeholder instead of missing, so that a pipeline
   * can be planned where its CI credentials are not available.
   */
  public SecretStore withPlaceholders() {
    this.placeholders = true;
    return this;
  }

  /** The secret, registered with the masker, or empty when neither source has it. */
  public Optional<SecretValue> get(String name) {
    String v = environment.containsKey(name) ? environment.get(name) : file.get(name);
    if (v == null) {
      return placeholders ? Optional.of(new SecretValue(name, "")) : Optional.empty();
    }
    masker.register(v);
    return Optional.of(new SecretValue(name, v));
  }

  /**
   * Registers every value of {@code .slipway/secrets} with the masker: each is a secret whether
   * or not the pipeline reads it by name, and a step may print the file or a value from it
   * before (or without) any {@code secret(..)} call.
   */
  public void registerFileValues() {
    file.values().forEach(masker::register);
  }

  /**
   * The run's environment (the process environment unless the run was given another), for
   * builtins that read variables without making them secrets ({@code compose} interpolation).
   */
  public Map<String, String> environment() {
    return environment;
  }

  /** The names among {@code names} that no source provides. */
  public List<String> missing(Collection<String> names) {
    return names.stream().filter(n -> !environment.containsKey(n) && !file.containsKey(n))
        .distinct().toList();
  }
}
