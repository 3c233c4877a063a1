package io.slipway.engine;

import java.nio.file.Path;

/**
 * The PEM files of a mutual-TLS connection to a Docker engine ({@code tls(ca, cert, key)}): the
 * CA that signed the engine's certificate, and the client's certificate and private key.
 */
public record TlsFiles(Path ca, Path cert, Path key) {}
