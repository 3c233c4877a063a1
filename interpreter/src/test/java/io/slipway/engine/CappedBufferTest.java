package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A command's kept output is bounded: the tail, behind a marker saying what was dropped. */
class CappedBufferTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void underTheCapEverythingIsKept() {
    var c = new CappedBuffer(16);
    c.write(b("hello "));
    c.write(b("world"));
    assertThat(c.text()).isEqualTo("hello world");
    assertThat(c.truncated()).isFalse();
  }

  @Test
  void overTheCapOnlyTheTailIsKeptBehindAMarker() {
    var c = new CappedBuffer(8);
    for (int i = 0; i < 1000; i++) {
      c.write(b("line " + i + "\n"));
    }
    assertThat(c.truncated()).isTrue();
    assertThat(c.total()).isGreaterThan(8000);
    String text = c.text();
    assertThat(text).startsWith("[output truncated at 8 bytes: the first " + (c.total() - 8)
        + " bytes are only in the log (SLIPWAY_OUTPUT_LIMIT_MB sets the limit)]\n");
    assertThat(text).endsWith("ne 999\n");
  }

  @Test
  void aChunkLargerThanTheCapKeepsItsEnd() {
    var c = new CappedBuffer(4);
    c.write(b("ab"));
    c.write(b("0123456789"));
    assertThat(c.text()).endsWith("\n6789");
  }

  @Test
  void theTailStartsAtACharacterBoundary() {
    var c = new CappedBuffer(5);
    c.write(b("xxééé")); // é is two bytes: the last five bytes start inside one
    assertThat(c.text()).endsWith("\néé");
  }

  @Test
  void aMegabyteCapIsNamedInMegabytes() {
    assertThat(CappedBuffer.marker(16 * 1024 * 1024, 5)).startsWith("[output truncated at 16 MB: the first 5 bytes");
  }
}
