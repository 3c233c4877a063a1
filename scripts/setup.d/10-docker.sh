# Sourced by ./test: a Docker engine that answers, and the tools the engine tests use.
need dockerd docker.io
need docker-registry docker-registry
need /bin/busybox busybox-static
need htpasswd apache2-utils
if ! docker version >/dev/null 2>&1; then
  log "starting dockerd"
  (sudo_if_needed dockerd > /tmp/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    docker version >/dev/null 2>&1 && break
    sleep 1
  done
  docker version >/dev/null 2>&1 || { tail -n 30 /tmp/dockerd.log >&2; fail "dockerd did not answer within 60 s (log: /tmp/dockerd.log)"; }
fi
log "Docker engine $(docker version --format '{{.Server.Version}}')"
scripts/build-test-images.sh >/dev/null
