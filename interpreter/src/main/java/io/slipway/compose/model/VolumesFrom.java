package io.slipway.compose.model;

/** The {@code volumes_from} syntax: {@code service[:mode]} or {@code container:name[:mode]}. */
public final class VolumesFrom {
  private VolumesFrom() {}

  /** The service an entry names, or null for {@code container:...}. */
  public static String service(String entry) {
    String[] p = entry.split(":");
    if (p[0].equals("container")) {
      return null;
    }
    return p[0].equals("service") && p.length > 1 ? p[1] : p[0];
  }

  /** {@code ro} or {@code rw}. */
  public static String mode(String entry) {
    String[] p = entry.split(":");
    String last = p[p.length - 1];
    return p.length > 1 && (last.equals("ro") || last.equals("rw")) ? last : "rw";
  }
}
