package io.slipway.engine.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose client connections never resume an earlier TLS session: every
 * socket comes from a new context with an empty session cache. TLS endpoints built on OpenSSL without a
 * session id context (socat's {@code OPENSSL-LISTEN} with {@code verify=1}, a common way to put
 * mutual TLS in front of a Docker socket) abort a resumed handshake with {@code internal_error};
 * docker-java opens several connections, so the second one would fail. A full handshake per
 * connection costs a few milliseconds; the HTTP client keeps connections open anyway.
 */
final class FreshSessions {
  private FreshSessions() {}

  /** A context for {@code km} and {@code tm} whose every socket makes a full handshake. */
  static SSLContext of(KeyManager[] km, TrustManager[] tm) throws java.security.GeneralSecurityException {
    SSLContext first = newContext(km, tm);
    return new Context(first, km, tm);
  }

  private static SSLContext newContext(KeyManager[] km, TrustManager[] tm) throws java.security.GeneralSecurityException {
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(km, tm, null);
    return c;
  }

  private static final class Context extends SSLContext {
    Context(SSLContext delegate, KeyManager[] km, TrustManager[] tm) {
      super(new Spi(delegate, km, tm), delegate.getProvider(), delegate.getProtocol());
    }
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext d;
    private final KeyManager[] km;
    private final TrustManager[] tm;

    Spi(SSLContext d, KeyManager[] km, TrustManager[] tm) {
      this.d = d;
      this.km = km;
      this.tm = tm;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
      d.init(km, tm, sr);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return new Factory(d.getSocketFactory(), () -> {
        try {
          return newContext(km, tm).getSocketFactory();
        } catch (java.security.GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      });
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return d.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return d.createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return d.createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return d.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return d.getClientSessionContext();
    }
  }

  private static final class Factory extends SSLSocketFactory {
    private final SSLSocketFactory d;
    private final java.util.function.Supplier<SSLSocketFactory> fresh;

    Factory(SSLSocketFactory d, java.util.function.Supplier<SSLSocketFactory> fresh) {
      this.d = d;
      this.fresh = fresh;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return d.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return d.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return fresh.get().createSocket();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
      return fresh.get().createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return fresh.get().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return fresh.get().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return fresh.get().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return fresh.get().createSocket(address, port, localAddress, localPort);
    }
  }
}
