package io.slipway.debug;

/** A place where a {@link StepController} pauses the thread that reaches it. */
public sealed interface Breakpoint {
  /** The number the user refers to it by ({@code :delete 2}). */
  int id();

  /** How it is listed ({@code :breaks}). */
  String describe();

  /** Before each attempt of a stage. */
  record Stage(int id, String stage) implements Breakpoint {
    @Override
    public String describe() {
      return "stage " + stage;
    }
  }

  /**
   * Before each statement that starts on {@code line} of a file whose name is {@code file} or ends
   * with {@code /file}.
   */
  record Line(int id, String file, int line) implements Breakpoint {
    @Override
    public String describe() {
      return file + ":" + line;
    }

    boolean matches(DebugPoint p) {
      if (p.file() == null || p.line() != line) {
        return false;
      }
      String name = p.file().name().replace('\\', '/');
      return name.equals(file) || name.endsWith("/" + file)
          || (p.file().path() != null && p.file().path().toAbsolutePath().normalize()
              .endsWith(java.nio.file.Path.of(file).normalize()));
    }
  }

  /** At the failing statement of an error nothing handles ({@link Debugger#onFailure}). */
  record OnFailure(int id) implements Breakpoint {
    @Override
    public String describe() {
      return "on-failure";
    }
  }
}
