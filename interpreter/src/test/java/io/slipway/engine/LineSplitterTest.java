package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  @Test
  void linesAreReassembledAcrossChunksPerStream() {
    List<LogLine> lines = new ArrayList<>();
    var s = new LineSplitter(lines::add);
    byte[] text = "hunter2 is the pass\r\nsecond ü line\nlast".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < text.length; i += 3) {
      s.write(LogLine.Stream.STDOUT, Arrays.copyOfRange(text, i, Math.min(text.length, i + 3)));
      s.write(LogLine.Stream.STDERR, "e".getBytes(StandardCharsets.UTF_8));
    }
    s.flush();
    assertThat(lines).filteredOn(l -> l.stream() == LogLine.Stream.STDOUT).extracting(LogLine::text)
        .containsExactly("hunter2 is the pass", "second ü line", "last");
    assertThat(lines).filteredOn(l -> l.stream() == LogLine.Stream.STDERR).hasSize(1);
  }
}
