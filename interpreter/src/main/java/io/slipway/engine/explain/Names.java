package io.slipway.engine.explain;

import io.slipway.engine.RunLabels;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names a Slipfile gave to the containers, networks and volumes of its runs, recovered from
 * what the engine is asked: a run creates {@code db} as {@code db-<run8>} with the run id in its
 * {@code io.slipway.run} label ({@link RunLabels#scoped}), so the suffix of every run seen is
 * known and stripped, and the ids the engine returns are remembered under the user's name. Names
 * that were never scoped (compose projects, names created outside a run) are shown as given; an
 * unknown 64-digit id is shortened to Docker's 12.
 */
final class Names {
  private final Map<String, String> display = new ConcurrentHashMap<>();
  /** Image id -> the reference the pipeline knows it by (Slipway runs containers by image id). */
  private final Map<String, String> images = new ConcurrentHashMap<>();
  private final Set<String> suffixes = ConcurrentHashMap.newKeySet();

  /** Learns the run of a resource about to be created from its labels; returns its user name. */
  String created(String engineName, Map<String, String> labels) {
    String run = labels.get(RunLabels.RUN);
    if (run != null) {
      suffixes.add("-" + new RunLabels(run, "", 0, "", "").suffix());
    }
    return engineName == null ? null : of(engineName);
  }

  /** Remembers that the engine calls {@code idOrName} what the user called {@code name}. */
  void remember(String idOrName, String name) {
    if (idOrName != null && name != null) {
      display.put(idOrName, name);
    }
  }

  /** The user's name for an engine id or name. */
  String of(String idOrName) {
    if (idOrName == null) {
      return null;
    }
    String known = display.get(idOrName);
    if (known != null) {
      return known;
    }
    String bare = idOrName.startsWith("/") ? idOrName.substring(1) : idOrName;
    for (String suffix : suffixes) {
      if (bare.endsWith(suffix) && bare.length() > suffix.length()) {
        return bare.substring(0, bare.length() - suffix.length());
      }
    }
    if (bare.length() == 64 && bare.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return bare.substring(0, 12);
    }
    return bare;
  }

  /** Remembers that image {@code id} is known to the pipeline as {@code ref} (the first one wins). */
  void image(String id, String ref) {
    if (id != null && isId(id) && ref != null && !isId(ref) && !ExplainingEngine.internalRef(ref)) {
      images.putIfAbsent(id, ref);
    }
  }

  /** The pipeline's reference for an image id, a short id for an unknown one, else {@code ref}. */
  String image(String ref) {
    if (ref == null) {
      return null;
    }
    String known = images.get(ref);
    if (known != null) {
      return known;
    }
    return isId(ref) ? ref.substring(ref.indexOf(':') + 1, Math.min(ref.length(), ref.indexOf(':') + 13)) : ref;
  }

  private static boolean isId(String ref) {
    return ref.startsWith("sha256:");
  }
}
