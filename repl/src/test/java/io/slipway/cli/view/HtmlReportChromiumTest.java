package io.slipway.cli.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium and checks what a reader sees: stage names,
 * statuses, and timeline bars whose rendered pixel widths are proportional to durations.
 */
class HtmlReportChromiumTest {
  /** Measures the laid-out bars and records pixels as attributes, so --dump-dom shows them. */
  private static final String MEASURE = """
      <script>
      window.addEventListener('load', function(){
        document.querySelectorAll('.gantt .row[data-stage]').forEach(function(row){
          var bar=row.querySelector('.bar'); var track=row.querySelector('.track');
          if(bar){ var r=bar.getBoundingClientRect(), t=track.getBoundingClientRect();
            row.setAttribute('data-px-width', r.width.toFixed(2));
            row.setAttribute('data-px-left', (r.left-t.left).toFixed(2));
            row.setAttribute('data-px-track', t.width.toFixed(2));
            row.setAttribute('data-visible', String(r.height>0 && getComputedStyle(bar).display!=='none'));
          }
        });
        document.body.setAttribute('data-measured','yes');
      });
      </script>
      """;

  @Test
  void reportIsSelfContained() {
    String html = HtmlReport.render(SampleRun.snapshot());
    assertThat(html).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/")
        .doesNotContain("src=").doesNotContain("<link").contains("<style>").contains("<script>");
    assertThat(html).contains("compiling &lt;main&gt; &amp; &quot;friends&quot;")
        .doesNotContain("\u001b");
  }

  @Test
  void chromiumShowsStagesStatusesAndProportionalBars(@TempDir Path dir) throws Exception {
    assumeThat(Chromium.available()).as("chromium installed").isTrue();
    String html = HtmlReport.render(SampleRun.snapshot());
    Path report = dir.resolve("report.html");
    Files.writeString(report, html);
    Path measured = dir.resolve("measured.html");
    Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"));

    String dom = Chromium.dumpDom(measured, dir.resolve("profile"));
    assertThat(dom).contains("data-measured=\"yes\"");
    assertThat(dom).contains("<h1>books-ms</h1>").contains("id=\"run-status\">failed<");
    for (String stage : new String[] {"build", "lint", "test", "deploy"}) {
      assertThat(dom).contains("data-stage=\"" + stage + "\"");
    }

    Map<String, double[]> stages = stageBars(dom);
    assertThat(stages).containsKeys("build", "lint", "test");
    double build = stages.get("build")[0];
    double lint = stages.get("lint")[0];
    double test = stages.get("test")[0];
    double track = stages.get("build")[2];
    assertThat(track).isGreaterThan(300);
    // build 2000 ms, test 1000 ms, lint 500 ms of a 4000 ms run
    assertThat(build / track).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    assertThat(build / test).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(test / lint).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
    // parallel stages start together, after build
    assertThat(stages.get("lint")[1]).isCloseTo(stages.get("test")[1],
        org.assertj.core.data.Offset.offset(0.5));
    assertThat(stages.get("test")[1] / track).isCloseTo(0.5,
        org.assertj.core.data.Offset.offset(0.01));
    assertThat(dom).contains("class=\"bar failed\"").contains("class=\"bar success\"");

    Path png = dir.resolve("report.png");
    Chromium.screenshot(report, dir.resolve("profile2"), png);
    assertThat(png).exists();
    assertThat(Files.size(png)).isGreaterThan(5_000);
  }

  /** stage name → {width px, left px, track px} of the stage rows (not the step rows). */
  private static Map<String, double[]> stageBars(String dom) {
    Map<String, double[]> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("<div class=\"row stage\"([^>]*)>").matcher(dom);
    while (m.find()) {
      String attrs = m.group(1);
      String name = attr(attrs, "data-stage");
      String w = attr(attrs, "data-px-width");
      if (w != null) {
        out.put(name, new double[] {Double.parseDouble(w),
            Double.parseDouble(attr(attrs, "data-px-left")),
            Double.parseDouble(attr(attrs, "data-px-track"))});
      }
    }
    return out;
  }

  private static String attr(String attrs, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attrs);
    return m.find() ? m.group(1) : null;
  }
}
