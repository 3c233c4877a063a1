package io.slipway.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad input never breaks the parser: random bytes, token soups, mutations of every valid test
 * input, 10 MB files and 10,000-deep nestings each give a {@link ParseResult} (diagnostics or a
 * program), never an exception or a {@link StackOverflowError}, and within a sane time. Seeds are
 * fixed so a failure reproduces.
 */
class ParserRobustnessTest {
  private static final String[] TOKENS = {
    "val", "var", "fun", "param", "import", "data", "class", "if", "else", "when", "for", "in",
    "!in", "is", "!is", "as", "as?", "while", "do", "break", "continue", "return", "throw", "try",
    "catch", "finally", "null", "true", "false", "x", "y", "it", "to", "until", "pipeline",
    "stage", "(", ")", "[", "]", "{", "}", "\"", "\"\"\"", "${", "$x", "\\", "\\n", "\\u12",
    "->", "=", "==", "!=", "+=", "++", "--", "+", "-", "*", "/", "%", "&&", "||", "!", "!!",
    "?.", "?:", "?", ".", "..", ",", ";", ":", "<", ">", "<=", ">=", "1", "1_000", "1.5", "1e3",
    "2mb", "30.seconds", "\n", "\n", "\n", " ", "//", "/*", "*/", "/**", "#", "'", "@", "🚀",
    "\t", "\r\n", "é"
  };

  /** Parses, then checks the result is well formed and printable (later passes recurse too). */
  private static ParseResult parseSafely(String text) {
    ParseResult r = SlipParser.parse(SourceFile.of("fuzz.slip", text));
    assertThat(r.program()).isNotNull();
    for (Diagnostic d : r.diagnostics()) {
      assertThat(d.span().end()).isLessThanOrEqualTo(text.length());
      assertThat(d.message()).isNotBlank();
    }
    assertThat(r.incomplete()).isEqualTo(!r.diagnostics().isEmpty()
        && r.diagnostics().stream().allMatch(Diagnostic::incomplete));
    assertThat(AstPrinter.toSexpr(r.program())).isNotEmpty();
    return r;
  }

  @Test
  void randomBytes() {
    var random = new Random(1);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 3000; i++) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        parseSafely(new String(bytes, StandardCharsets.UTF_8));
      }
    });
  }

  @Test
  void randomAsciiText() {
    var random = new Random(2);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 3000; i++) {
        var sb = new StringBuilder();
        int n = random.nextInt(300);
        for (int j = 0; j < n; j++) {
          sb.append((char) (random.nextInt(10) == 0 ? '\n' : 32 + random.nextInt(95)));
        }
        parseSafely(sb.toString());
      }
    });
  }

  @Test
  void tokenSoups() {
    var random = new Random(3);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 5000; i++) {
        var sb = new StringBuilder();
        int n = 1 + random.nextInt(120);
        for (int j = 0; j < n; j++) {
          sb.append(TOKENS[random.nextInt(TOKENS.length)]);
          if (random.nextBoolean()) {
            sb.append(' ');
          }
        }
        parseSafely(sb.toString());
      }
    });
  }

  @Test
  void mutationsOfValidInputs() throws IOException {
    List<String> inputs = validInputs();
    assertThat(inputs).hasSizeGreaterThan(10);
    var random = new Random(4);
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      int count = 0;
      for (String text : inputs) {
        for (int i = 0; i < 150; i++) {
          parseSafely(mutate(text, random));
          count++;
        }
        for (int cut = 0; cut <= text.length(); cut += Math.max(1, text.length() / 60)) {
          parseSafely(text.substring(0, cut));
          count++;
        }
      }
      assertThat(count).isGreaterThan(2000);
    });
  }

  private static String mutate(String text, Random random) {
    if (text.isEmpty()) {
      return TOKENS[random.nextInt(TOKENS.length)];
    }
    int a = random.nextInt(text.length());
    int b = Math.min(text.length(), a + random.nextInt(20));
    return switch (random.nextInt(5)) {
      case 0 -> text.substring(0, a) + text.substring(b);
      case 1 -> text.substring(0, a) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(a);
      case 2 -> text.substring(0, b) + text.substring(a, b) + text.substring(b);
      case 3 -> text.substring(0, a) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(b);
      default -> text.substring(0, a);
    };
  }

  private static List<String> validInputs() throws IOException {
    List<String> out = new ArrayList<>();
    for (String dir : List.of("src/test/resources/parser", "src/test/resources/spec")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".slip")).sorted().toList()) {
          out.add(Files.readString(p));
        }
      }
    }
    return out;
  }

  private static void assertTooDeep(String text) {
    ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> parseSafely(text));
    assertThat(r.diagnostics()).extracting(Diagnostic::code).contains(Code.E0105);
  }

  private static String nest(String open, String middle, String close, int depth) {
    return open.repeat(depth) + middle + close.repeat(depth);
  }

  @Test
  void tenThousandDeepParentheses() {
    assertTooDeep("val x = " + nest("(", "1", ")", 10_000));
  }

  @Test
  void tenThousandDeepIndexes() {
    assertTooDeep("val x = " + nest("a[", "0", "]", 10_000));
  }

  @Test
  void tenThousandDeepBraces() {
    assertTooDeep(nest("{\n", "1\n", "}\n", 10_000));
  }

  @Test
  void tenThousandDeepLambdas() {
    assertTooDeep(nest("f { x ->\n", "x\n", "}\n", 10_000));
  }

  @Test
  void tenThousandDeepCalls() {
    assertTooDeep("val x = " + nest("f(", "1", ")", 10_000));
  }

  @Test
  void tenThousandDeepTemplates() {
    assertTooDeep("val s = " + nest("\"${", "1", "}\"", 10_000));
  }

  @Test
  void tenThousandElseIfs() {
    var sb = new StringBuilder("val x = if (a) 0");
    for (int i = 1; i < 10_000; i++) {
      sb.append(" else if (a) ").append(i);
    }
    assertTooDeep(sb.append(" else -1\n").toString());
  }

  @Test
  void tenThousandElseIfsOnSeparateLines() {
    var sb = new StringBuilder("if (a) {\n  echo(0)\n}");
    for (int i = 1; i < 10_000; i++) {
      sb.append(" else if (a) {\n  echo(").append(i).append(")\n}");
    }
    assertTooDeep(sb.append("\n").toString());
  }

  @Test
  void tenThousandOperandChains() {
    assertTooDeep("val x = " + "1 + ".repeat(10_000) + "1\n");
    assertTooDeep("val x = " + "a ?: ".repeat(10_000) + "b\n");
    assertTooDeep("val x = " + "a to ".repeat(10_000) + "b\n");
  }

  @Test
  void tenThousandPrefixOperators() {
    assertTooDeep("val x = " + "!".repeat(10_000) + "a\n");
    assertTooDeep("val x = " + "- ".repeat(10_000) + "a\n");
  }

  @Test
  void tenThousandMemberAccesses() {
    assertTooDeep("val x = a" + ".b".repeat(10_000) + "\n");
    assertTooDeep("val x = a" + "()".repeat(10_000) + "\n");
  }

  @Test
  void tenThousandNestedComments() {
    ParseResult r = parseSafely(nest("/* ", "x", " */", 10_000) + "\nval x = 1\n");
    assertThat(r.diagnostics()).isEmpty();
    r = parseSafely("/* ".repeat(10_000));
    assertThat(r.incomplete()).isTrue();
  }

  @Test
  void nestingJustBelowTheLimitsParses() {
    nestingJustBelowTheLimits();
  }

  /** The limits do not depend on the caller's stack: parsing moves to a thread with a deep one. */
  @Test
  void nestingJustBelowTheLimitsParsesFromATinyStack() throws InterruptedException {
    Throwable[] failure = new Throwable[1];
    Thread t = Thread.ofPlatform().stackSize(160 << 10).unstarted(() -> {
      try {
        nestingJustBelowTheLimits();
      } catch (Throwable e) {
        failure[0] = e;
      }
    });
    t.start();
    t.join();
    assertThat(failure[0]).isNull();
  }

  private static void nestingJustBelowTheLimits() {
    assertThat(parseSafely("val x = " + nest("(", "1", ")", 250)).diagnostics()).isEmpty();
    assertThat(parseSafely(nest("f {\n", "1\n", "}\n", 120)).diagnostics()).isEmpty();
    assertThat(parseSafely("val x = " + "1 + ".repeat(400) + "1\n").diagnostics()).isEmpty();
    var sb = new StringBuilder("val x = if (a) 0");
    for (int i = 1; i < 300; i++) {
      sb.append(" else if (a) ").append(i);
    }
    assertThat(parseSafely(sb.append(" else -1\n").toString()).diagnostics()).isEmpty();
  }

  @Test
  void tenMegabyteValidFile() {
    String unit = "val x = listOf(1, 2, 3).map { it * 2 } // some comment\n"
        + "fun f(a: Int, b: String = \"$a-${a + 1}\"): String = b + a\n";
    String text = unit.repeat(10 * 1024 * 1024 / unit.length() + 1);
    ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> SlipParser.parse(SourceFile.of("big.slip", text)));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.program().items().size()).isGreaterThan(150_000);
  }

  @Test
  void tenMegabytesOfGarbage() {
    var random = new Random(5);
    var sb = new StringBuilder(10 * 1024 * 1024);
    while (sb.length() < 10 * 1024 * 1024) {
      sb.append(TOKENS[random.nextInt(TOKENS.length)]).append(' ');
    }
    ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> SlipParser.parse(SourceFile.of("garbage.slip", sb.toString())));
    assertThat(r.diagnostics()).isNotEmpty().hasSizeLessThanOrEqualTo(SyntaxErrors.MAX_ERRORS);
  }
}
