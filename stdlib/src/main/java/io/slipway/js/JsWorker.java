package io.slipway.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.value.SlipException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The process that runs scripts for {@link ProcessJsRunner}: its own JVM with a capped heap, so
 * a script that allocates without end exhausts that heap, not Slipway's. Reads one JSON request
 * per line on standard input ({@code {"op":"eval"|"call","code":..,"args":..,"timeoutMs":..}})
 * and answers one JSON line on standard output: {@code {"json":..}}, {@code {"function":true}},
 * {@code {"error":{"type":..,"message":..}}} or {@code {"oom":true}}. Prints {@code {"ready":true}}
 * once the engine is loaded, so the time that takes never counts against a script's limit.
 */
public final class JsWorker {
  private JsWorker() {}

  public static void main(String[] args) throws Exception {
    // only protocol lines go to the real standard output; anything else printed goes to stderr
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    System.setOut(System.err);
    ObjectMapper json = new ObjectMapper();
    PolyglotJsRunner runner = new PolyglotJsRunner();
    runner.eval("0", Duration.ofMinutes(5)); // loads and initialises the language before "ready"
    out.println("{\"ready\":true}");
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      JsonNode req = json.readTree(line);
      ObjectNode reply = json.createObjectNode();
      boolean exit = false;
      try {
        Duration timeout = Duration.ofMillis(req.get("timeoutMs").asLong());
        String code = req.get("code").asText();
        JsResult r = "call".equals(req.get("op").asText())
            ? runner.call(code, req.get("args").asText(), timeout)
            : runner.eval(code, timeout);
        switch (r) {
          case JsResult.Json j -> reply.put("json", j.text());
          case JsResult.Function f -> reply.put("function", true);
        }
      } catch (SlipException e) {
        reply.putObject("error").put("type", e.error().type()).put("message", e.error().message());
      } catch (OutOfMemoryError e) {
        // the script's garbage is unreachable again once its context is closed, so there is
        // room to answer; the process still ends, as a heap that overflowed is not trusted
        reply.put("oom", true);
        exit = true;
      } catch (StackOverflowError e) {
        reply.putObject("error").put("type", "Error").put("message", "js: the script recursed too deeply");
      }
      out.println(json.writeValueAsString(reply));
      if (exit) {
        System.exit(0);
      }
    }
  }
}
