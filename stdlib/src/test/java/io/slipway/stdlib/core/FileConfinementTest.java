package io.slipway.stdlib.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.value.ByteSize;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for every file builtin (issue 11 item 8): paths stay inside the pipeline directory,
 * through {@code ..}, absolute paths and symbolic links alike; invalid paths are Slipway errors;
 * {@code readFile} refuses what is not a regular file and what is over its size limit
 * (issue 11 item 3).
 */
class FileConfinementTest {
  @TempDir Path root;
  Path dir;
  Path outside;
  TestContext cx;

  @BeforeEach
  void layout() throws Exception {
    dir = Files.createDirectories(root.resolve("pipeline"));
    outside = Files.writeString(root.resolve("victim.txt"), "keep me");
    cx = new TestContext(dir);
  }

  @Test
  void dotDotAndAbsolutePathsAreRefusedByEveryBuiltin() {
    for (String op : new String[] {"readFile", "fileExists", "deleteFile"}) {
      assertThatThrownBy(() -> cx.call(op, "../victim.txt"))
          .hasMessageStartingWith(op + ": `../victim.txt` is outside the pipeline directory")
          .hasMessageContaining("--allow-host-path");
      assertThatThrownBy(() -> cx.call(op, outside.toString()))
          .hasMessageContaining("is outside the pipeline directory");
    }
    assertThatThrownBy(() -> cx.call("writeFile", "../../x.txt", "t"))
        .hasMessageStartingWith("writeFile: `../../x.txt` is outside");
    assertThatThrownBy(() -> cx.call("appendFile", "/tmp/x.txt", "t"))
        .hasMessageStartingWith("appendFile: `/tmp/x.txt` is outside");
    assertThatThrownBy(() -> cx.call("glob", "../*.txt")).hasMessageStartingWith("glob: `../` is outside");
    assertThat(outside).hasContent("keep me");
    assertThat(root.resolve("x.txt")).doesNotExist();
  }

  @Test
  void symbolicLinksLeadingOutAreRefusedDanglingOrNot() throws Exception {
    Files.createSymbolicLink(dir.resolve("link.txt"), outside);
    Files.createSymbolicLink(dir.resolve("dangling.txt"), root.resolve("created-outside.txt"));
    Files.createSymbolicLink(dir.resolve("up"), root);
    assertThatThrownBy(() -> cx.call("readFile", "link.txt")).hasMessageContaining("is outside");
    assertThatThrownBy(() -> cx.call("writeFile", "dangling.txt", "x")).hasMessageContaining("is outside");
    assertThatThrownBy(() -> cx.call("writeFile", "up/new/file.txt", "x")).hasMessageContaining("is outside");
    assertThatThrownBy(() -> cx.call("deleteFile", "up/victim.txt")).hasMessageContaining("is outside");
    assertThatThrownBy(() -> cx.call("glob", "up/*")).hasMessageContaining("is outside");
    assertThat(root.resolve("created-outside.txt")).doesNotExist();
    assertThat(outside).hasContent("keep me");
  }

  @Test
  void insideTheDirectoryEverythingWorksAsBefore() throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.createSymbolicLink(dir.resolve("inner"), dir.resolve("a"));
    cx.call("writeFile", "a/b/../c.txt", "x");
    assertThat(cx.call("readFile", "inner/c.txt")).isEqualTo("x");
    assertThat(cx.call("readFile", dir.resolve("a/c.txt").toString())).isEqualTo("x");
    assertThat(cx.call("fileExists", "./a")).isEqualTo(true);
  }

  @Test
  void invalidPathsAreSlipwayErrors() {
    assertThatThrownBy(() -> cx.call("readFile", "a\0b"))
        .hasMessage("readFile: invalid path `a\\0b`: it contains a NUL character");
    assertThatThrownBy(() -> cx.call("writeFile", "", "x")).hasMessage("writeFile: the path is empty");
    assertThatThrownBy(() -> cx.call("glob", "x\0/*")).hasMessageContaining("NUL character");
  }

  @Test
  void readFileRefusesDevicesFifosDirectoriesAndHugeFiles() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> cx.call("readFile", "fifo"))
        .hasMessage("readFile: `fifo` is not a regular file (a FIFO, socket or device)");
    Files.createDirectories(dir.resolve("sub"));
    assertThatThrownBy(() -> cx.call("readFile", "sub")).hasMessage("readFile: `sub` is not a regular file (a directory)");
    try (var f = new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
      f.setLength(3L << 30); // sparse
    }
    assertThatThrownBy(() -> cx.call("readFile", "big.bin"))
        .hasMessage("readFile: `big.bin` is 3.0 GB, over the limit of 64mb (pass `maxSize` to read more)");
    Files.writeString(dir.resolve("small.txt"), "x".repeat(2000));
    assertThatThrownBy(() -> cx.call("readFile", "small.txt", new ByteSize(1024)))
        .hasMessageContaining("over the limit of 1kb");
    assertThat(cx.call("readFile", "small.txt", new ByteSize(4096))).isEqualTo("x".repeat(2000));
  }
}
