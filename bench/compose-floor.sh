#!/usr/bin/env bash
# The engine floor of compose-up-down.sh: the same five containers (same image, commands,
# volume, ports, health check, network and aliases) brought up and down with nothing but curl on
# the engine's socket, in the best order a tool could use:
#   up:   network + volume at once; then the five creates at once, and each container started
#         as soon as it is created and its dependencies are started (db, cache | api, worker | web).
#   down: stops by reverse dependency level with the same timeouts (web, worker (2 s grace) |
#         api | db, cache), each container removed as soon as it stopped; then network + volume.
# No tool start-up, no parsing, no config hashing: what is left is what the engine itself takes.
# Prints each round's wall times and the medians (and the load average).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rounds="${1:-5}"
image=$(ensure_image)
sock=/var/run/docker.sock
p=benchfloor
api() { curl -sf --unix-socket "$sock" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "http://v1.41$2"; }
cmd='["sh","-c","trap '"'"'exit 0'"'"' TERM; sleep 3600 & wait"]'
labels="{\"com.docker.compose.project\":\"$p\"}"
net="{\"Name\":\"${p}_default\",\"Driver\":\"bridge\",\"CheckDuplicate\":true,\"Labels\":$labels}"
vol="{\"Name\":\"${p}_data\",\"Labels\":$labels}"
# create NAME 'CMD|EXTRA-HOSTCONFIG|EXTRA-TOP'
create() {
  local cmd host top
  IFS='|' read -r cmd host top <<< "$2"
  api POST "/containers/create?name=${p}_$1_1" "{\"Image\":\"$image\",\"Cmd\":$cmd,\"Labels\":$labels$top,
    \"HostConfig\":{\"NetworkMode\":\"${p}_default\"$host},
    \"NetworkingConfig\":{\"EndpointsConfig\":{\"${p}_default\":{\"Aliases\":[\"$1\"]}}}}" >/dev/null
}
declare -A spec=(
  [db]="$cmd|,\"Binds\":[\"${p}_data:/data:rw\"]|,\"Healthcheck\":{\"Test\":[\"CMD\",\"test\",\"-d\",\"/data\"],\"Interval\":1000000000,\"Retries\":30}"
  [cache]="$cmd||"
  [api]="$cmd|,\"PortBindings\":{\"8080/tcp\":[{\"HostPort\":\"28402\"}]}|,\"Env\":[\"DB=db:5432\",\"CACHE=cache:6379\"],\"ExposedPorts\":{\"8080/tcp\":{}}"
  [web]="$cmd|,\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"28403\"}]}|,\"ExposedPorts\":{\"80/tcp\":{}}"
  [worker]='["sleep","3600"]||'
)
stop() { local t=10; [[ $1 == worker ]] && t=2; api POST "/containers/${p}_$1_1/stop?t=$t" >/dev/null; }
rm1() { api DELETE "/containers/${p}_$1_1?v=true" >/dev/null; }
# after NAME's create, waits for the starts of DEPS... (marker files), then starts NAME
bring() {
  local name=$1; shift
  create "$name" "${spec[$name]}"
  local d n
  for d in "$@"; do
    for ((n = 0; n < 24000; n++)); do [[ -e $marks/$d ]] && break; sleep 0.005; done
    [[ -e $marks/$d ]] || return 1
  done
  api POST "/containers/${p}_${name}_1/start" >/dev/null && touch "$marks/$name"
}
up() {
  marks=$(mktemp -d)
  api POST /networks/create "$net" >/dev/null & api POST /volumes/create "$vol" >/dev/null & wait
  local pids=() pid ok=0
  bring db & pids+=($!); bring cache & pids+=($!); bring api db cache & pids+=($!)
  bring web api & pids+=($!); bring worker db & pids+=($!)
  for pid in "${pids[@]}"; do wait "$pid" || ok=1; done
  rm -rf "$marks"
  return $ok
}
down() {
  # web and worker have no dependents; api waits for web; db for api and worker; cache for api;
  # each container is removed as soon as it stopped
  stop web & local web=$!; stop worker & local worker=$!
  wait $web; rm1 web & stop api & local api=$!
  wait $api; rm1 api & stop cache & local cache=$!
  wait $worker; rm1 worker & stop db & local db=$!
  wait $cache; rm1 cache & wait $db; rm1 db & wait
  api DELETE "/networks/${p}_default" >/dev/null & api DELETE "/volumes/${p}_data" >/dev/null & wait
}
cleanup() {
  for n in db cache api web worker; do api DELETE "/containers/${p}_${n}_1?force=true&v=true" >/dev/null 2>&1 || true; done
  api DELETE "/networks/${p}_default" >/dev/null 2>&1 || true; api DELETE "/volumes/${p}_data" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
ups=(); downs=()
for ((i = 1; i <= rounds; i++)); do
  ups+=("$(wall up)")
  [[ $(docker ps -q --filter label=com.docker.compose.project=$p | wc -l) -eq 5 ]] \
    || { echo "floor: up did not leave 5 running containers" >&2; exit 1; }
  downs+=("$(wall down)")
  [[ -z $(docker ps -aq --filter label=com.docker.compose.project=$p) ]] || { echo "floor: down left containers" >&2; exit 1; }
  echo "round $i: up ${ups[-1]} s, down ${downs[-1]} s"
done
echo "engine floor: up $(median "${ups[@]}") s, down $(median "${downs[@]}") s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
