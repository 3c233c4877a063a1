package io.slipway.compose.model;

import io.slipway.compose.yaml.Pos;

/**
 * A mount of a service. {@code source} is an absolute host path for {@link Type#BIND}, the
 * volume's key in the file's {@code volumes} for a named {@link Type#VOLUME}, null for an
 * anonymous volume or {@link Type#TMPFS}. {@code mode} is the short syntax's mode
 * ({@code rw}, {@code ro}, {@code ro,z}), null for the long syntax, which Docker receives as a
 * mount rather than a bind (as Compose sends them).
 */
public record ServiceVolume(Type type, String source, String target, boolean readOnly, String mode,
    String propagation, Boolean createHostPath, boolean noCopy, Long tmpfsSize, Integer tmpfsMode,
    String consistency, Pos pos) {

  /** What is mounted. */
  public enum Type {
    BIND, VOLUME, TMPFS, NPIPE
  }

  /** True for the short syntax ({@code source:target:mode}). */
  public boolean shortSyntax() {
    return mode != null;
  }

  /** A volume without a name (a short {@code /data}, or a long volume without source). */
  public boolean anonymous() {
    return type == Type.VOLUME && source == null;
  }
}
