package io.slipway.netsim;

import io.slipway.engine.RunJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The run's journal of network changes, {@code <runs dir>/<run id>.netsim}: one line per applied
 * slot (time, container id, name, address, conditions), written as each change is applied, so a
 * killed run's changes can be read back. Removed when the run ends with everything swept; a
 * killed run's file is removed by {@code slipway gc} ({@link NetsimSweep}) once the helpers it
 * names are swept. Journal write failures never fail a change (the helpers' labels remain the
 * authority gc uses).
 */
final class NetJournal {
  static final String SUFFIX = ".netsim";
  private final Path file;
  private final String owner;

  NetJournal(SimHost host) {
    this.file = RunJournal.defaultDirectory(host.env()).resolve(host.journalName() + SUFFIX);
    this.owner = host.labels().owner();
  }

  synchronized void applied(Target t, Conditions c) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "slipway-netsim 1\t" + owner + "\n", StandardCharsets.UTF_8);
      }
      Files.writeString(file, Instant.now() + "\t" + t.id() + "\t" + t.name() + "\t" + t.ip() + "\t" + c.describe() + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // best effort: the helpers' labels let gc find everything anyway
    }
  }

  synchronized void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // gc removes it
    }
  }
}
