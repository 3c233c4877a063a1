#!/usr/bin/env bash
# The engine floor of compose-up-down.sh: the same five containers (same image, commands,
# volume, ports, health check, network and aliases) brought up and down with nothing but curl on
# the engine's socket, in the best order a tool could use:
#   up:   network + volume at once; the five creates at once; starts by dependency level
#         (db, cache | api, worker | web), each level's starts at once.
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
# create NAME CMD EXTRA-HOSTCONFIG EXTRA-TOP
create() {
  api POST "/containers/create?name=${p}_$1_1" "{\"Image\":\"$image\",\"Cmd\":$2,\"Labels\":$labels$4,
    \"HostConfig\":{\"NetworkMode\":\"${p}_default\"$3},
    \"NetworkingConfig\":{\"EndpointsConfig\":{\"${p}_default\":{\"Aliases\":[\"$1\"]}}}}" >/dev/null
}
start() { for n in "$@"; do api POST "/containers/${p}_${n}_1/start" >/dev/null & done; wait; }
stop() { local t=10; [[ $1 == worker ]] && t=2; api POST "/containers/${p}_$1_1/stop?t=$t" >/dev/null; }
rm1() { api DELETE "/containers/${p}_$1_1?v=true" >/dev/null; }
up() {
  api POST /networks/create "$net" >/dev/null & api POST /volumes/create "$vol" >/dev/null & wait
  create db "$cmd" ',"Binds":["'"${p}"'_data:/data:rw"]' \
    ',"Healthcheck":{"Test":["CMD","test","-d","/data"],"Interval":1000000000,"Retries":30}' &
  create cache "$cmd" '' '' &
  create api "$cmd" ',"PortBindings":{"8080/tcp":[{"HostPort":"28402"}]}' \
    ',"Env":["DB=db:5432","CACHE=cache:6379"],"ExposedPorts":{"8080/tcp":{}}' &
  create web "$cmd" ',"PortBindings":{"80/tcp":[{"HostPort":"28403"}]}' ',"ExposedPorts":{"80/tcp":{}}' &
  create worker '["sleep","3600"]' '' '' &
  wait
  start db cache; start api worker; start web
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
export -f api create start stop rm1 up down; export sock image p cmd labels net vol
ups=(); downs=()
for ((i = 1; i <= rounds; i++)); do
  ups+=("$(wall bash -c up)")
  [[ $(docker ps -q --filter label=com.docker.compose.project=$p | wc -l) -eq 5 ]] \
    || { echo "floor: up did not leave 5 running containers" >&2; exit 1; }
  downs+=("$(wall bash -c down)")
  [[ -z $(docker ps -aq --filter label=com.docker.compose.project=$p) ]] || { echo "floor: down left containers" >&2; exit 1; }
  echo "round $i: up ${ups[-1]} s, down ${downs[-1]} s"
done
echo "engine floor: up $(median "${ups[@]}") s, down $(median "${downs[@]}") s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
