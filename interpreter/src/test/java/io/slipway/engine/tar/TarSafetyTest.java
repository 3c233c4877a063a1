package io.slipway.engine.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crafted archives: nothing lands outside the destination; links, long names, base-256 sizes; truncation. */
class TarSafetyTest {
  @TempDir
  Path tmp;

  /** An archive built entry by entry, as an attacker (or GNU tar) could write it. */
  private static final class Crafted {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    Crafted() {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
    }

    Crafted file(String name, String content) throws IOException {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      var e = new TarArchiveEntry(name);
      e.setSize(data.length);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
      return this;
    }

    Crafted link(String name, String target, byte type) throws IOException {
      var e = new TarArchiveEntry(name, type);
      e.setLinkName(target);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    }

    byte[] done() throws IOException {
      tar.finish();
      return bytes.toByteArray();
    }
  }

  private Path extract(byte[] archive) throws IOException {
    Path dest = Files.createDirectories(tmp.resolve("dest"));
    TarReader.extract(new ByteArrayInputStream(archive), dest, null);
    return dest;
  }

  @Test
  void aFileWrittenThroughASymlinkFromTheSameArchiveIsRefused() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    byte[] archive = new Crafted().link("escape", outside.toString(), TarConstants.LF_SYMLINK)
        .file("escape/owned.txt", "written outside").done();
    assertThatThrownBy(() -> extract(archive)).isInstanceOf(IOException.class)
        .hasMessageContaining("outside the destination (through a symbolic link): escape/owned.txt");
    assertThat(outside.resolve("owned.txt")).doesNotExist();
  }

  @Test
  void aRelativeSymlinkClimbingOutIsRefusedToo() throws IOException {
    Files.createDirectories(tmp.resolve("sibling"));
    byte[] archive = new Crafted().link("up", "../sibling", TarConstants.LF_SYMLINK)
        .file("up/x", "no").done();
    assertThatThrownBy(() -> extract(archive)).hasMessageContaining("through a symbolic link");
    assertThat(tmp.resolve("sibling/x")).doesNotExist();
  }

  @Test
  void aFileNamedLikeAnEarlierSymlinkReplacesTheLinkInsteadOfWritingThroughIt() throws IOException {
    Path victim = Files.writeString(tmp.resolve("victim.txt"), "untouched");
    byte[] archive = new Crafted().link("f", victim.toString(), TarConstants.LF_SYMLINK)
        .file("f", "replaced").done();
    Path dest = extract(archive);
    assertThat(victim).hasContent("untouched");
    assertThat(dest.resolve("f")).isRegularFile().hasContent("replaced");
  }

  @Test
  void symlinksInsideTheDestinationStillWork() throws IOException {
    byte[] archive = new Crafted().file("real/a.txt", "a").link("alias", "real", TarConstants.LF_SYMLINK)
        .file("alias/b.txt", "b").done();
    Path dest = extract(archive);
    assertThat(dest.resolve("real/b.txt")).hasContent("b");
  }

  @Test
  void hardLinksInsideAreMadeAndOutsideRefused() throws IOException {
    Path dest = extract(new Crafted().file("a.txt", "same").link("b.txt", "a.txt", TarConstants.LF_LINK).done());
    assertThat(dest.resolve("b.txt")).hasContent("same");
    assertThat(Files.isSameFile(dest.resolve("a.txt"), dest.resolve("b.txt"))).isTrue();
    Files.writeString(tmp.resolve("secret"), "s");
    byte[] out = new Crafted().link("c.txt", "../secret", TarConstants.LF_LINK).done();
    assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(out), tmp.resolve("d2"), null))
        .hasMessageContaining("outside the destination: ../secret");
  }

  @Test
  void gnuLongNamesAndLeadingSlashes() throws IOException {
    String longName = "d/" + "n".repeat(180) + ".txt";
    Path dest = extract(new Crafted().file(longName, "long").done());
    assertThat(dest.resolve(longName)).hasContent("long");
    // a leading "/" is dropped, as GNU tar does: the entry lands inside
    Path d3 = tmp.resolve("d3");
    TarReader.extract(new ByteArrayInputStream(new Crafted().file("/slipway-evil", "x").done()), d3, null);
    assertThat(d3.resolve("slipway-evil")).hasContent("x");
    assertThat(Path.of("/slipway-evil")).doesNotExist();
  }

  @Test
  void aBase256SizeIsRead() throws IOException {
    byte[] archive = new Crafted().file("big.bin", "0123456789").done();
    // rewrite the size field (offset 124, 12 bytes) in GNU base-256: 0x80, then big-endian
    Arrays.fill(archive, 124, 136, (byte) 0);
    archive[124] = (byte) 0x80;
    archive[135] = 10;
    Arrays.fill(archive, 148, 156, (byte) ' ');
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += archive[i] & 0xff;
    }
    byte[] chk = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(chk, 0, archive, 148, 8);
    Path dest = extract(archive);
    assertThat(dest.resolve("big.bin")).hasContent("0123456789");
  }

  @Test
  void aTruncatedArchiveIsAnError() throws IOException {
    byte[] whole = new Crafted().file("data.bin", "x".repeat(5000)).done();
    byte[] cut = Arrays.copyOf(whole, 512 + 2000);
    assertThatThrownBy(() -> extract(cut)).isInstanceOf(IOException.class);
  }
}
