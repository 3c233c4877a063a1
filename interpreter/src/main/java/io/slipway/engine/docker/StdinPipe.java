package io.slipway.engine.docker;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A pipe from Slipway's threads to docker-java's stdin copier. Unlike {@code PipedInputStream}
 * it does not break when the thread that last wrote ends (a stage's steps may run on several
 * virtual threads over one attached shell).
 */
final class StdinPipe {
  private static final byte[] EOF = new byte[0];
  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  final OutputStream writer = new OutputStream() {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (!closed && len > 0) {
        chunks.add(Arrays.copyOfRange(b, off, off + len));
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        chunks.add(EOF);
      }
    }
  };

  final InputStream reader = new InputStream() {
    private byte[] current;
    private int pos;

    @Override
    public int read() throws java.io.InterruptedIOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.InterruptedIOException {
      if (current == null || pos >= current.length) {
        try {
          current = chunks.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
        pos = 0;
        if (current == EOF) {
          chunks.add(EOF);
          return -1;
        }
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }
  };
}
