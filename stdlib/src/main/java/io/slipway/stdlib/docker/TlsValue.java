package io.slipway.stdlib.docker;

import io.slipway.engine.TlsFiles;
import io.slipway.value.SlipObject;

/** A {@code Tls}: the CA, client certificate and client key files of a remote engine. */
record TlsValue(TlsFiles files) implements SlipObject {
  @Override
  public String typeName() {
    return "Tls";
  }

  @Override
  public String label() {
    return "tls(" + files.ca().getFileName() + ", " + files.cert().getFileName() + ", "
        + files.key().getFileName() + ")";
  }

  @Override
  public String toString() {
    return label();
  }
}
