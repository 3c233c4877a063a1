package io.slipway.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fast SLL pass must build the same AST as full LL prediction on every valid input: where
 * the two differ, the grammar is ambiguous and the fast path would silently pick the other
 * reading. (Full LL here uses {@link PredictionMode#LL_EXACT_AMBIG_DETECTION}.)
 */
class PredictionModeTest {

  @TestFactory
  Stream<DynamicTest> sllAndLlAgree() throws IOException {
    List<Path> inputs;
    try (Stream<Path> a = Files.list(Path.of("src/test/resources/parser"));
        Stream<Path> b = Files.list(Path.of("src/test/resources/spec"))) {
      inputs = Stream.concat(a, b).filter(p -> p.toString().endsWith(".slip")).sorted().toList();
    }
    return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      SourceFile file = SourceFile.of(p.getFileName().toString(), Files.readString(p));
      ParseResult sll = new ParseRun(file, true).run();
      ParseResult ll = new ParseRun(file, false).run();
      assertThat(ll.diagnostics()).isEmpty();
      assertThat(AstPrinter.toSexpr(sll.program())).isEqualTo(AstPrinter.toSexpr(ll.program()));
      assertThat(sll.program()).isEqualTo(ll.program());
    }));
  }
}
