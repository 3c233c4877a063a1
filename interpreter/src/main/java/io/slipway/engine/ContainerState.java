package io.slipway.engine;

/**
 * A container's state. {@code status} is Docker's ({@code created}, {@code running},
 * {@code exited}, ...); {@code health} is {@code starting}/{@code healthy}/{@code unhealthy} or
 * null without a healthcheck; {@code error} is the engine's start error, if any.
 */
public record ContainerState(String status, boolean running, int exitCode, boolean oomKilled,
    String health, String error) {

  /** "running", "exited with code 137 (OOMKilled)", "created" ... for error messages. */
  public String describe() {
    if (running) {
      return health == null ? "running" : "running (" + health + ")";
    }
    if ("exited".equals(status) || "dead".equals(status)) {
      var sb = new StringBuilder("exited with code ").append(exitCode);
      if (oomKilled) {
        sb.append(" (OOMKilled)");
      }
      if (error != null && !error.isBlank()) {
        sb.append(": ").append(error);
      }
      return sb.toString();
    }
    return status + (error == null || error.isBlank() ? "" : ": " + error);
  }

  /**
   * How a stopped container ended, for messages: {@code code 137, killed}, {@code code 143,
   * terminated}, {@code code 137, out of memory}, {@code code 2}. Codes above 128 are 128 plus
   * the number of the signal that ended the main process.
   */
  public String exitSummary() {
    String why = oomKilled ? "out of memory" : switch (exitCode) {
      case 129 -> "hung up";
      case 130 -> "interrupted";
      case 134 -> "aborted";
      case 137 -> "killed";
      case 139 -> "segmentation fault";
      case 143 -> "terminated";
      default -> null;
    };
    return "code " + exitCode + (why == null ? "" : ", " + why);
  }
}
