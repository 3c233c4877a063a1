package io.slipway.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs scripts in worker processes ({@link JsWorker}) whose heap is capped, because community
 * GraalVM has no memory limit for a context: a script that allocates without end would grow
 * Slipway's own JVM until the machine swaps. The three ways a script is stopped give three
 * messages: the time limit ({@code Timeout}), the statement limit, and the memory limit.
 *
 * <p>Workers start on the first script (never for a pipeline without one) and are reused; one
 * that ran out of memory or stopped answering is replaced. Parallel stages get a worker each.
 * The heap cap is {@code SLIPWAY_JS_MEMORY} (a JVM size such as {@code 256m}, default
 * {@value #DEFAULT_MEMORY}).
 */
final class ProcessJsRunner implements JsRunner {
  static final String DEFAULT_MEMORY = "256m";
  /** Loading GraalVM in a fresh JVM on a loaded machine can take a while; it is not script time. */
  private static final Duration STARTUP = Duration.ofMinutes(2);
  /** How long past its own limit a worker may take to say it stopped the script. */
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String memory;
  private final Deque<Worker> idle = new ArrayDeque<>();
  private final List<Worker> all = new ArrayList<>();

  ProcessJsRunner(String memory) {
    this.memory = memory;
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "slipway-js-workers"));
  }

  /** The heap cap from {@code SLIPWAY_JS_MEMORY}, or the default. */
  static String configuredMemory() {
    String m = System.getenv("SLIPWAY_JS_MEMORY");
    if (m == null || m.isBlank()) {
      return DEFAULT_MEMORY;
    }
    if (!m.strip().toLowerCase(Locale.ROOT).matches("[1-9][0-9]*[kmg]?")) {
      throw SlipException.error("js: SLIPWAY_JS_MEMORY must be a size such as 256m or 1g, was `" + m + "`");
    }
    return m.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public JsResult eval(String code, Duration timeout) {
    var req = JSON.createObjectNode().put("op", "eval").put("code", code).put("timeoutMs", timeout.toMillis());
    return run(req.toString(), timeout);
  }

  @Override
  public JsResult call(String code, String argsJson, Duration timeout) {
    var req = JSON.createObjectNode().put("op", "call").put("code", code).put("args", argsJson)
        .put("timeoutMs", timeout.toMillis());
    return run(req.toString(), timeout);
  }

  private JsResult run(String request, Duration timeout) {
    Worker w = acquire();
    boolean healthy = false;
    try {
      JsonNode reply = w.ask(request, timeout.plus(GRACE));
      if (reply == null) {
        // the process ended without answering: -XX:+ExitOnOutOfMemoryError, or a crash
        throw w.ranOutOfMemory() ? outOfMemory() : w.endedUnexpectedly();
      }
      if (reply.has("oom")) {
        throw outOfMemory();
      }
      healthy = true;
      if (reply.has("error")) {
        JsonNode e = reply.get("error");
        throw new SlipException(e.get("type").asText(), e.get("message").asText());
      }
      if (reply.has("function")) {
        return new JsResult.Function();
      }
      return new JsResult.Json(reply.get("json").asText());
    } catch (TimeoutException e) {
      throw new SlipException("Timeout", "js: the script did not finish within " + Values.showDuration(timeout));
    } finally {
      release(w, healthy);
    }
  }

  private SlipException outOfMemory() {
    return SlipException.error("js: the script ran out of memory (the limit is " + memory
        + "; set SLIPWAY_JS_MEMORY to change it)");
  }

  private synchronized Worker acquire() {
    Worker w = idle.pollFirst();
    if (w != null && w.process.isAlive()) {
      return w;
    }
    w = Worker.start(memory);
    all.add(w);
    return w;
  }

  private synchronized void release(Worker w, boolean healthy) {
    if (healthy && w.process.isAlive()) {
      idle.addFirst(w);
    } else {
      w.process.destroyForcibly();
      all.remove(w);
    }
  }

  private synchronized void close() {
    all.forEach(w -> w.process.destroyForcibly());
    all.clear();
    idle.clear();
  }

  /** One worker process and its protocol streams. */
  private static final class Worker {
    private final Process process;
    private final PrintStream in;
    private final BufferedReader out;
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stderrPump;

    private Worker(Process process) {
      this.process = process;
      this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.stderrPump = Thread.ofVirtual().start(() -> {
        try (var err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
          for (String l; (l = err.readLine()) != null; ) {
            synchronized (stderr) {
              if (stderr.length() < 8192) {
                stderr.append(l).append('\n');
              }
            }
          }
        } catch (IOException ignored) {
          // the worker is gone; what it printed so far is kept
        }
      });
    }

    static Worker start(String memory) {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      var cmd = new ArrayList<>(List.of(java.toString(), "-Xmx" + memory, "-XX:+ExitOnOutOfMemoryError",
          "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
          "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED"));
      if (Runtime.version().feature() >= 23) {
        cmd.add("--sun-misc-unsafe-memory-access=allow");
      }
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), JsWorker.class.getName()));
      Worker w;
      try {
        w = new Worker(new ProcessBuilder(cmd).start());
      } catch (IOException e) {
        throw SlipException.error("js: cannot start the JavaScript worker: " + e.getMessage());
      }
      try {
        JsonNode ready = w.read(STARTUP);
        if (ready == null || !ready.has("ready")) {
          w.process.destroyForcibly();
          throw SlipException.error("js: the JavaScript engine is not available: " + w.stderrTail());
        }
      } catch (TimeoutException e) {
        w.process.destroyForcibly();
        throw SlipException.error("js: the JavaScript engine did not start within " + Values.showDuration(STARTUP));
      }
      return w;
    }

    JsonNode ask(String request, Duration deadline) throws TimeoutException {
      in.println(request);
      return read(deadline);
    }

    /** The next reply line, or null when the worker ended first. */
    private JsonNode read(Duration deadline) throws TimeoutException {
      var line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          return null;
        }
      }, r -> Thread.ofVirtual().start(r));
      try {
        String l = line.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        return l == null ? null : JSON.readTree(l);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new SlipException("Cancelled", "js: interrupted");
      } catch (ExecutionException | IOException e) {
        return null;
      } catch (TimeoutException e) {
        process.destroyForcibly();
        throw e;
      }
    }

    /**
     * Waits for the ended worker and its stderr; true if it ended because its heap overflowed
     * (-XX:+ExitOnOutOfMemoryError exits with code 3 when that happens outside the script's
     * context, in Truffle's own structures, before the worker could answer).
     */
    boolean ranOutOfMemory() {
      try {
        process.waitFor(5, TimeUnit.SECONDS);
        stderrPump.join(Duration.ofSeconds(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      boolean exit3 = !process.isAlive() && process.exitValue() == 3;
      return exit3 || stderrTail().contains("OutOfMemoryError");
    }

    /** The error for a worker that ended without answering for another reason. */
    SlipException endedUnexpectedly() {
      String err = stderrTail();
      return SlipException.error("js: the JavaScript worker ended unexpectedly"
          + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")")
          + (err.isBlank() ? "" : ": " + err.lines().reduce((a, b) -> b).orElse("")));
    }

    private String stderrTail() {
      synchronized (stderr) {
        return stderr.toString().strip();
      }
    }
  }
}
