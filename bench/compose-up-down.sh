#!/usr/bin/env bash
# `up` then `down` of a five-service compose file: Slipway (a pipeline whose stage runs
# `compose(..).up(keep = true)`, then one running `down()`, each a cold `./slipway run`) vs
# docker-compose 1.29.2 (`up -d`, then `down`), same file, same stop timeouts (every service
# stops at SIGTERM except `worker`, whose PID 1 ignores it, so both tools wait its 2 s
# stop_grace_period). Rounds alternate the tools; medians. Goals: up <= 0.5x, down <= 1x.
# Each round also takes the engine floor (compose-floor.sh: the same five containers with curl
# on the socket in the best order, no tool at all), so each ratio can be read against what the
# engine alone takes in the same minutes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rounds="${1:-5}"
image=$(ensure_image)
ensure_jar
command -v docker-compose >/dev/null || { echo "docker-compose is needed (scripts/setup.d/50-compose.sh)" >&2; exit 1; }
dir="$out/compose5"
rm -rf "$dir" && mkdir -p "$dir"
cat > "$dir/docker-compose.yml" <<YAML
version: "3.8"
x-service: &service
  image: $image
  command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
services:
  db:
    <<: *service
    volumes: [data:/data]
    healthcheck: {test: ["CMD", "test", "-d", "/data"], interval: 1s, retries: 30}
  cache: *service
  api:
    <<: *service
    depends_on: [db, cache]
    ports: ["28400:8080"]
    environment: {DB: "db:5432", CACHE: "cache:6379"}
  web:
    <<: *service
    depends_on: [api]
    ports: ["28401:80"]
  worker:
    image: $image
    command: ["sleep", "3600"]
    stop_grace_period: 2s
    depends_on: [db]
volumes:
  data: {}
YAML
cat > "$dir/up.slip" <<'SLIP'
pipeline("bench-up") { stage("up") { compose("docker-compose.yml", project = "benchsw").up(keep = true) } }
SLIP
cat > "$dir/down.slip" <<'SLIP'
pipeline("bench-down") { stage("down") { compose("docker-compose.yml", project = "benchsw").down(volumes = true) } }
SLIP
cd "$dir"
dc_up=(); dc_down=(); sw_up=(); sw_down=(); fl_up=(); fl_down=()
for ((i = 1; i <= rounds; i++)); do
  dc_up+=("$(wall docker-compose -p benchdc up -d)")
  dc_down+=("$(wall docker-compose -p benchdc down -v)")
  sw_up+=("$(wall "$root/slipway" run up.slip)")
  [[ $(docker ps -q --filter label=com.docker.compose.project=benchsw | wc -l) -eq 5 ]] \
    || { echo "bench: Slipway's up did not leave 5 running containers" >&2; exit 1; }
  sw_down+=("$(wall "$root/slipway" run down.slip)")
  [[ -z $(docker ps -aq --filter label=com.docker.compose.project=benchsw) ]] \
    || { echo "bench: Slipway's down left containers" >&2; exit 1; }
  read -r fu fd < <("$bench_dir/compose-floor.sh" 1 | awk '/^engine floor/ { print $4, $7 }')
  fl_up+=("$fu"); fl_down+=("$fd")
  echo "round $i: up docker-compose ${dc_up[-1]} s, Slipway ${sw_up[-1]} s, floor $fu s; down docker-compose ${dc_down[-1]} s, Slipway ${sw_down[-1]} s, floor $fd s"
done
u1=$(median "${dc_up[@]}"); u2=$(median "${sw_up[@]}"); d1=$(median "${dc_down[@]}"); d2=$(median "${sw_down[@]}")
echo "up:   docker-compose $u1 s, Slipway $u2 s, ratio $(ratio "$u2" "$u1") (goal <= 0.5: $(verdict "$(ratio "$u2" "$u1")" '<=' 0.5))"
echo "down: docker-compose $d1 s, Slipway $d2 s, ratio $(ratio "$d2" "$d1") (goal <= 1: $(verdict "$(ratio "$d2" "$d1")" '<=' 1))"
f1=$(median "${fl_up[@]}"); f2=$(median "${fl_down[@]}")
echo "engine floor (curl, best order): up $f1 s ($(ratio "$f1" "$u1")x docker-compose), down $f2 s ($(ratio "$f2" "$d1")x docker-compose)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
