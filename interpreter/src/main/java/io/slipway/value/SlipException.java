package io.slipway.value;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;

/**
 * A Slipway error in flight: thrown by builtins and {@code throw}, caught by {@code try/catch}.
 * It carries no Java stack trace (users never see one) but the Slipway location where it was
 * raised, filled in by the interpreter when a builtin threw it without one.
 */
public final class SlipException extends RuntimeException {
  private final ErrorValue error;
  private SourceFile file;
  private Span span;
  private String stage;
  private final java.util.List<CallSite> callSites = new java.util.ArrayList<>();

  /** Where a function of another file (an imported library) was called from. */
  public record CallSite(SourceFile file, Span span) {}

  public SlipException(ErrorValue error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public SlipException(String type, String message) {
    this(new ErrorValue(type, message, null));
  }

  /** A plain {@code Error}. */
  public static SlipException error(String message) {
    return new SlipException("Error", message);
  }

  /** An {@code EngineError}: the container engine refused or failed an operation. */
  public static SlipException engine(String message) {
    return new SlipException("EngineError", message);
  }

  /**
   * An {@code EngineError} because the engine cannot be reached at all: infrastructure, not the
   * pipeline, failed, so the run ends with exit code 3 rather than 1.
   */
  public static SlipException unavailable(String message) {
    return new SlipException(new ErrorValue("EngineError", message, UNAVAILABLE));
  }

  /** True when the error means the infrastructure (the engine) was unreachable. */
  public boolean infrastructure() {
    return error.payload() == UNAVAILABLE;
  }

  private static final Object UNAVAILABLE = new Object() {
    @Override
    public String toString() {
      return "engine unavailable";
    }
  };

  public ErrorValue error() {
    return error;
  }

  public SourceFile file() {
    return file;
  }

  public Span span() {
    return span;
  }

  public String stage() {
    return stage;
  }

  /** Records where the error surfaced, unless already known. */
  public SlipException locate(SourceFile f, Span s) {
    if (this.span == null) {
      this.file = f;
      this.span = s;
    }
    return this;
  }

  /**
   * Records that the error left a function of another file through a call at {@code span} of
   * {@code f} (innermost first), so that a failure inside an imported function also shows
   * where the stage called it.
   */
  public SlipException calledFrom(SourceFile f, Span s) {
    if (f != null && s != null) {
      callSites.add(new CallSite(f, s));
    }
    return this;
  }

  /** The call sites the error passed on its way out of imported functions, innermost first. */
  public java.util.List<CallSite> callSites() {
    return java.util.List.copyOf(callSites);
  }

  public SlipException inStage(String name) {
    if (this.stage == null) {
      this.stage = name;
    }
    return this;
  }
}
