package io.slipway.engine.docker;

import io.slipway.engine.TlsFiles;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns a failed mutual-TLS connection into one line that says which certificate was refused
 * and by whom, instead of the JDK's "PKIX path building failed: ..." chain.
 */
final class TlsErrors {
  private TlsErrors() {}

  /** The reason of a failed request to an engine reached with {@code files}. */
  static String describe(Throwable e, TlsFiles files) {
    String root = DockerErrors.rootMessage(e);
    boolean handshake = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException || t instanceof CertificateException
          || t.getClass().getName().contains("CertPathBuilderException")) {
        return "TLS: the engine's certificate is not trusted by the CA " + files.ca()
            + " (" + shortReason(root) + ")";
      }
      if (t instanceof SSLHandshakeException || t instanceof SSLException) {
        handshake = true;
      }
    }
    String m = root.toLowerCase(java.util.Locale.ROOT);
    if (m.contains("no subject alternative") || m.contains("no name matching")) {
      return "TLS: the engine's certificate does not name this host (" + root + ")";
    }
    if (m.contains("bad_certificate") || m.contains("unknown_ca") || m.contains("certificate_required")
        || m.contains("decrypt_error") || m.contains("access_denied")) {
      return "TLS: the engine refused the client certificate " + files.cert() + " (" + root + ")";
    }
    if (m.contains("reset") || m.contains("broken pipe") || m.contains("terminated")
        || m.contains("closed") || m.contains("end of file") || m.contains("eof")) {
      // TLS 1.3: the server checks the client certificate after the client finished its
      // handshake, and a refusal shows up as the connection closing under the first request
      return "TLS: the engine closed the connection during the handshake: it refused the client"
          + " certificate " + files.cert() + " (" + root + ")";
    }
    return handshake ? "TLS handshake failed: " + root : root;
  }

  private static String shortReason(String root) {
    return root.contains("unable to find valid certification path")
        ? "unable to find a valid certification path" : root;
  }
}
