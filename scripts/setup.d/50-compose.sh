# Sourced by ./test: docker-compose 1.29.2 (Debian's package), the reference implementation the
# compose conformance tests and benches compare Slipway against.
need docker-compose docker-compose
log "docker-compose $(docker-compose version --short 2>/dev/null || echo '?')"
