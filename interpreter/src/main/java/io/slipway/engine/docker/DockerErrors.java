package io.slipway.engine.docker;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.slipway.engine.EngineException;
import io.slipway.engine.EngineUnavailable;
import io.slipway.engine.NotFound;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns docker-java's exceptions into Slipway's engine exceptions with one-line messages. */
final class DockerErrors {
  private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private DockerErrors() {}

  static EngineException translate(String address, String operation, RuntimeException e) {
    if (e instanceof EngineException ee) {
      return ee;
    }
    if (e instanceof NotFoundException) {
      return new NotFound(operation + ": " + message(e));
    }
    if (e instanceof DockerException || e instanceof DockerClientException) {
      return new EngineException(operation + ": " + message(e), e);
    }
    if (isConnectionFailure(e)) {
      return new EngineUnavailable(address, rootMessage(e));
    }
    return new EngineException(operation + ": " + message(e), e);
  }

  /** True if the failure is an interruption of the calling thread (docker-java wraps them). */
  static boolean interrupted(Throwable e) {
    if (Thread.currentThread().isInterrupted()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
          || (t.getMessage() != null && t.getMessage().contains("interrupted"))) {
        return true;
      }
    }
    return false;
  }

  static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The engine's own message, without the "Status 404:" prefix and JSON wrapping. */
  static String message(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Matcher j = MESSAGE.matcher(m);
    if (j.find()) {
      m = j.group(1).replace("\\\"", "\"").replace("\\n", " ");
    }
    return m.replaceFirst("^Status \\d+:\\s*", "").strip().replaceAll("\\s*\\n\\s*", " ");
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.strip();
  }
}
