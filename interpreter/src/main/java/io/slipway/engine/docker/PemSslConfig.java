package io.slipway.engine.docker;

import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.core.util.CertificateUtils;
import io.slipway.engine.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Client TLS from PEM files of any name (docker-java's own reads {@code ca.pem}, {@code cert.pem}
 * and {@code key.pem} from one directory): trusts only the given CA and presents the client
 * certificate. Unreadable or malformed files fail with a line naming the file.
 */
final class PemSslConfig implements SSLConfig {
  private final TlsFiles files;

  PemSslConfig(TlsFiles files) {
    this.files = files;
  }

  @Override
  public SSLContext getSSLContext() {
    String ca = read(files.ca(), "CA certificate");
    String cert = read(files.cert(), "client certificate");
    String key = read(files.key(), "client key");
    if (java.security.Security.getProvider("BC") == null) {
      // CertificateUtils reads PEM keys through BouncyCastle's provider
      java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
    }
    KeyStore keys;
    try {
      keys = CertificateUtils.createKeyStore(key, cert);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("TLS: cannot load the client certificate " + files.cert()
          + " with key " + files.key() + ": " + (e instanceof NullPointerException
              ? "no private key found" : DockerErrors.rootMessage(e)));
    }
    KeyStore trust;
    try {
      trust = CertificateUtils.createTrustStore(ca);
      if (trust.size() == 0) {
        throw new IllegalArgumentException("no certificate in it");
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("TLS: cannot load the CA certificate " + files.ca() + ": "
          + DockerErrors.rootMessage(e));
    }
    try {
      var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, "docker".toCharArray()); // the password CertificateUtils stores the key with
      var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      return FreshSessions.of(kmf.getKeyManagers(), tmf.getTrustManagers());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS: " + DockerErrors.rootMessage(e));
    }
  }

  private static String read(Path p, String what) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalArgumentException("TLS: cannot read the " + what + " " + p + ": "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
    }
  }
}
