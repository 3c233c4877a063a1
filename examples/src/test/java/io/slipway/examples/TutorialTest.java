package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.Slipway;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tutorial and its solutions agree: every exercise links a solution that exists and checks
 * clean, every solution belongs to an exercise, and every file the text links exists. (Running
 * them against the engine is {@link TutorialIT}'s.)
 */
class TutorialTest {
  private static final Pattern LINK = Pattern.compile("\\]\\((tutorial/[^)]+)\\)");
  private static final Pattern EXERCISE = Pattern.compile("(?m)^## Exercise (\\d+) ");

  @Test
  void everyExerciseHasASolutionThatChecksAndEveryLinkExists() throws Exception {
    String text = Files.readString(TutorialFiles.text());
    List<String> linkedSolutions = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      Path linked = TutorialFiles.text().getParent().resolve(m.group(1));
      assertThat(linked).as("linked from tutorial.md").exists();
      if (m.group(1).endsWith(".slip")) {
        linkedSolutions.add(linked.getFileName().toString());
      }
    }
    List<String> solutions = TutorialFiles.solutions().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(solutions).as("solutions under docs/tutorial").isNotEmpty();
    assertThat(linkedSolutions).containsExactlyInAnyOrderElementsOf(solutions);
    Matcher e = EXERCISE.matcher(text);
    int exercises = 0;
    while (e.find()) {
      exercises++;
      assertThat(solutions.get(exercises - 1)).startsWith(String.format("%02d-", exercises));
    }
    assertThat(exercises).isEqualTo(solutions.size());
  }

  @Test
  void everySolutionChecksClean() {
    var slipway = new Slipway(Stdlib.registry());
    for (Path file : TutorialFiles.solutions()) {
      var checked = slipway.check(file);
      assertThat(new DiagnosticRenderer(false).render(checked.diagnostics())).as("%s", file).isEmpty();
    }
  }
}
