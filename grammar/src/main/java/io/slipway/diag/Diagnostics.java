package io.slipway.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sink every pass appends to: collect, don't throw. One instance per compilation, never
 * static.
 */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  public void add(Diagnostic d) {
    all.add(d);
  }

  public void addAll(List<Diagnostic> ds) {
    all.addAll(ds);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  public int errorCount() {
    return (int) all.stream().filter(d -> d.severity() == Severity.ERROR).count();
  }

  /** All diagnostics, ordered by file then position, as users read them. */
  public List<Diagnostic> sorted() {
    var copy = new ArrayList<>(all);
    copy.sort(
        Comparator.comparing((Diagnostic d) -> d.file().name())
            .thenComparingInt(d -> d.span().start())
            .thenComparing(d -> d.code().id()));
    return copy;
  }

  public List<Diagnostic> list() {
    return List.copyOf(all);
  }
}
