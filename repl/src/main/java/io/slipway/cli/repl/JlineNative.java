package io.slipway.cli.repl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jline.nativ.OSInfo;

/**
 * Points jline at its JNI library unpacked once beside slipway's jar ({@code
 * slipway-native/<os>/<arch>/}). Left to itself, jline copies the library out of the jar into
 * the temporary directory at every start, reads it back to compare and deletes it at exit: file
 * writes and reads on the REPL's way to its prompt. The copy is renewed when the jar is newer;
 * where the jar's directory cannot be written (or slipway does not run from a jar) jline does
 * as before.
 */
final class JlineNative {
  static final String PROPERTY = "library.jline.path";

  private JlineNative() {}

  static void prepare() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      var source = JlineNative.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return;
      }
      Path jar = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return; // classes directories (tests): jline's own way
      }
      String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
      String name = System.mapLibraryName("jlinenative").replace(".dylib", ".jnilib");
      Path dir = jar.resolveSibling("slipway-native");
      Path lib = dir.resolve(folder).resolve(name);
      if (!Files.isRegularFile(lib)
          || Files.getLastModifiedTime(lib).compareTo(Files.getLastModifiedTime(jar)) < 0) {
        try (InputStream in = OSInfo.class.getResourceAsStream(folder + "/" + name)) {
          if (in == null) {
            return; // no library for this platform in the jar: jline picks another provider
          }
          Files.createDirectories(lib.getParent());
          Path tmp = Files.createTempFile(lib.getParent(), name, ".tmp");
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      System.setProperty(PROPERTY, dir.toString());
    } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
      // jline unpacks it into the temporary directory, as it does by default
    }
  }
}
