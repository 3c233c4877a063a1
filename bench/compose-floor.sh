#!/usr/bin/env bash
# The engine floor of compose-up-down.sh: the same five containers (same image, commands,
# volume, ports, health check, network and aliases) brought up and down with nothing but curl on
# the engine's socket, in the best order a tool could use:
#   up:   network + volume at once; then two orders of creates and starts, alternating (see
#         up_ahead and up_levels below); the floor is the faster order's median.
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
start() { api POST "/containers/${p}_$1_1/start" >/dev/null; }
# Two orders, both without polling (each wait is on a request's process):
#   ahead:  the five creates at once; each container started once it is created and its
#           dependencies are started (what Slipway's `up` does).
#   levels: each service created and started once its dependencies are started (what
#           docker-compose 1.29.2 does: no more than two creates at once here).
up_ahead() {
  local cd cc ca cw ck sd sc sk sa
  create db "${spec[db]}" & cd=$!; create cache "${spec[cache]}" & cc=$!; create api "${spec[api]}" & ca=$!
  create web "${spec[web]}" & cw=$!; create worker "${spec[worker]}" & ck=$!
  wait $cd && { start db & sd=$!; }
  wait $cc && { start cache & sc=$!; }
  wait $sd && wait $ck && { start worker & sk=$!; }
  wait $sc && wait $ca && { start api & sa=$!; }
  wait $sa && wait $cw && start web && wait $sk
}
up_levels() {
  local sd sc sk
  { create db "${spec[db]}" && start db; } & sd=$!
  { create cache "${spec[cache]}" && start cache; } & sc=$!
  wait $sd && { { create worker "${spec[worker]}" && start worker; } & sk=$!; }
  wait $sc && create api "${spec[api]}" && start api && create web "${spec[web]}" && start web && wait $sk
}
up() {
  api POST /networks/create "$net" >/dev/null & api POST /volumes/create "$vol" >/dev/null & wait
  "up_$order"
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
# rounds alternate the two orders; the floor is the better order's median
declare -A ups=([ahead]="" [levels]="") downs=([ahead]="" [levels]="")
for ((i = 1; i <= rounds; i++)); do
  for order in ahead levels; do
    u=$(wall up)
    [[ $(docker ps -q --filter label=com.docker.compose.project=$p | wc -l) -eq 5 ]] \
      || { echo "floor: up did not leave 5 running containers" >&2; exit 1; }
    d=$(wall down)
    [[ -z $(docker ps -aq --filter label=com.docker.compose.project=$p) ]] || { echo "floor: down left containers" >&2; exit 1; }
    ups[$order]+=" $u"; downs[$order]+=" $d"
    echo "round $i ($order): up $u s, down $d s"
  done
done
# shellcheck disable=SC2086
ua=$(median ${ups[ahead]}); ul=$(median ${ups[levels]}); da=$(median ${downs[ahead]}); dl=$(median ${downs[levels]})
best_up=$(printf '%s\n%s\n' "$ua" "$ul" | sort -g | head -1); best_down=$(printf '%s\n%s\n' "$da" "$dl" | sort -g | head -1)
echo "creates ahead: up $ua s, down $da s; by level: up $ul s, down $dl s"
echo "engine floor: up $best_up s, down $best_down s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
