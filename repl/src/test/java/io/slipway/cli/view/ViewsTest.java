package io.slipway.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.run.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewsTest {
  private static String capture(java.util.function.Function<PrintStream, io.slipway.run.EventSink> f) {
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    SampleRun.feed(f.apply(out));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void modelFoldsEventsIntoStagesAndSteps() {
    RunModel.Snapshot run = SampleRun.snapshot();
    assertThat(run.stages()).extracting(RunModel.StageView::name)
        .containsExactly("build", "lint", "test", "deploy");
    assertThat(run.stages()).extracting(RunModel.StageView::status)
        .containsExactly(Status.SUCCESS, Status.SUCCESS, Status.FAILED, Status.SKIPPED);
    assertThat(run.stages().get(0).steps()).extracting(RunModel.StepState::status)
        .containsExactly(Status.SUCCESS, Status.SUCCESS);
    assertThat(run.stages().get(2).steps().get(0).exitCode()).isEqualTo(2);
    assertThat(run.resources()).hasSize(2);
    assertThat(run.elapsed(Instant.now()).toMillis()).isEqualTo(4000);
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void plainViewPrefixesEveryLineWithItsStageAndEndsWithATable() {
    String out = capture(PlainView::new);
    assertThat(out).contains("[build] stage started")
        .contains("[build] compiling <main> & \"friends\"")
        .contains("[build] stage success in 2.0s")
        .contains("[test] step failed (exit 2) after 1.0s")
        .contains("[test] stage failed in 1.0s: Slipfile:8:5: error in stage `test`")
        .contains("[build] created container books-db")
        .contains("[build] removed container books-db");
    assertThat(out).containsPattern("(?m)^STAGE +STATUS +DURATION$")
        .containsPattern("(?m)^build +success +2\\.0s$")
        .containsPattern("(?m)^deploy +skipped +-$")
        .contains("run failed in 4.0s: stage `test` failed");
    String table = out.substring(out.indexOf("STAGE"));
    assertThat(table).doesNotContain("\u001b");
  }

  @Test
  void junitReportCountsStagesAndCarriesTheFailure() {
    String xml = JunitReport.render(SampleRun.snapshot());
    assertThat(xml).contains("tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\"")
        .contains("<testcase classname=\"books-ms\" name=\"build\" time=\"2.000\"")
        .contains("<failure message=\"Slipfile:8:5: error in stage `test`: StepFailed:")
        .contains("type=\"StepFailed\"")
        .contains("FAIL books_test")
        .contains("<skipped message=\"skipped\"/>")
        .doesNotContain("\u001b");
  }

  @Test
  void durationsPrintLikeTheSpec() {
    assertThat(Durations.format(SampleRun.ms(150))).isEqualTo("150ms");
    assertThat(Durations.format(SampleRun.ms(45_000))).isEqualTo("45.0s");
    assertThat(Durations.format(SampleRun.ms(90_000))).isEqualTo("1m30s");
    assertThat(Durations.format(null)).isEqualTo("-");
  }

  @Test
  void liveViewFitsLinesToTheTerminalAndShowsRunningStageLogs() {
    var model = new RunModel();
    var events = SampleRun.events();
    events.subList(0, 13).forEach(model::emit);
    var view = new LiveView(new PrintStream(new ByteArrayOutputStream()), 40, 20);
    var lines = view.frame(model.snapshot(), SampleRun.at(2600));
    String plain = String.join("\n", lines).replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
    assertThat(plain).contains("books-ms #7  2.6s").contains("build").contains("success")
        .contains("running").contains("> sh ./run-tests.sh").contains("FAIL books_test");
    for (String l : plain.split("\n")) {
      assertThat(l.length()).isLessThanOrEqualTo(40);
    }
  }

  @Test
  void liveViewRedrawsInPlaceAndPrintsTheSummaryAtTheEnd() {
    String out = capture(o -> new LiveView(o, 100, 30));
    assertThat(out).contains("\u001b[2K").containsPattern("\u001b\\[\\d+F");
    String plain = out.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
    assertThat(plain).contains("test: last log lines").contains("  FAIL books_test")
        .contains("run failed in 4.0s");
  }

  @Test
  void liveViewWithoutColourSendsOnlyCursorMovements() {
    String out = capture(o -> new LiveView(o, 100, 30, false));
    assertThat(out).contains("\u001b[2K").containsPattern("\u001b\\[\\d+F")
        .doesNotContainPattern("\u001b\\[[0-9;]*m").contains("FAIL books_test");
  }
}
