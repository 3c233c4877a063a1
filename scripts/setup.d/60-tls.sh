# Sourced by ./test: what the remote-engine (TLS) and swarm suites need. The tests generate their
# own CA, server and client certificates with openssl and put a mutual-TLS endpoint in front of
# the local engine's socket with socat (`OPENSSL-LISTEN:...,verify=1 UNIX-CONNECT:...`); each
# test starts and stops its endpoint, so nothing runs between suites. Swarm tests initialise a
# single-node swarm themselves when the engine is not part of one and leave it afterwards.
need openssl openssl
need socat socat
socat -V >/dev/null 2>&1 || fail "socat does not run"
log "tls: $(openssl version | cut -d' ' -f1-2), socat $(socat -V 2>/dev/null | sed -n 's/^socat version \([^ ]*\).*/\1/p')"
