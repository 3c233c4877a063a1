#!/usr/bin/env bash
# A mutual-TLS Docker endpoint in front of a local engine's socket, for trying and testing
# `docker(host = "tcp://...", tls = tls(ca, cert, key))` on one machine.
#
#   scripts/tls-endpoint.sh certs DIR                 # CA, server (IP:127.0.0.1) and client certs
#   scripts/tls-endpoint.sh serve DIR PORT [SOCKET]   # certs if missing, then socat until killed
#
# DIR then holds ca.pem, cert.pem and key.pem (the client's files, the names `docker --tlsverify`
# expects in DOCKER_CERT_PATH) and server.pem/server-key.pem. The endpoint (Debian's socat) asks
# every client for a certificate signed by DIR/ca.pem (verify=1) and forwards the connection to
# SOCKET (default /var/run/docker.sock). It listens on 127.0.0.1 only.
set -euo pipefail
mode=${1:?usage: tls-endpoint.sh certs DIR | serve DIR PORT [SOCKET]}
dir=${2:?DIR missing}

certs() {
  mkdir -p "$dir"
  cd "$dir"
  [[ -s ca.pem && -s cert.pem && -s key.pem && -s server.pem ]] && return 0
  local ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
  openssl req -x509 "${ec[@]}" -keyout ca-key.pem -out ca.pem -days 30 -subj "/CN=slipway test CA $$" 2>/dev/null
  openssl req "${ec[@]}" -keyout server-key.pem -out server.csr -subj "/CN=127.0.0.1" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 30 \
    -extfile server.ext -out server.pem 2>/dev/null
  openssl req "${ec[@]}" -keyout key.pem -out client.csr -subj "/CN=slipway client" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' > client.ext
  openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 30 \
    -extfile client.ext -out cert.pem 2>/dev/null
  rm -f server.csr client.csr server.ext client.ext ca.srl
  chmod 600 ca-key.pem server-key.pem key.pem
}

case "$mode" in
  certs) certs ;;
  serve)
    port=${3:?PORT missing}
    sock=${4:-/var/run/docker.sock}
    certs
    command -v socat >/dev/null || { echo "tls-endpoint: socat is not installed (apt-get install socat)" >&2; exit 2; }
    # TLS_ENDPOINT_DEBUG=1 logs every connection and TLS error (socat -d -d)
    exec socat ${TLS_ENDPOINT_DEBUG:+-d -d} "OPENSSL-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork,cert=server.pem,key=server-key.pem,cafile=ca.pem,verify=1" \
      "UNIX-CONNECT:$sock"
    ;;
  *) echo "usage: tls-endpoint.sh certs DIR | serve DIR PORT [SOCKET]" >&2; exit 2 ;;
esac
