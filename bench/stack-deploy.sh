#!/usr/bin/env bash
# A five-service stack deployed until converged: `./slipway run` of a pipeline calling
# deploy(compose("stack.yml"), name) (cold JVM included; deploy returns once every service runs
# its replicas steadily for update_config.monitor = 1 s) vs `docker stack deploy -c stack.yml NAME`
# followed by polling `docker stack services` every 250 ms until every service shows n/n.
# Needs an active swarm (a single-node one is initialised, and left at the end, when there is
# none). Median of RUNS (default 3), alternating; each run deploys a fresh stack, removed after.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-3}"
ensure_jar
image=slipway-test/busybox:latest
created_swarm=false
if [[ $(docker info --format '{{.Swarm.LocalNodeState}}') != active ]]; then
  docker swarm init --advertise-addr 127.0.0.1 >/dev/null
  created_swarm=true
fi
dir="$out/stack-deploy"
rm -rf "$dir" && mkdir -p "$dir"
{
  echo "services:"
  for s in db api web worker cache; do
    cat <<YAML
  $s:
    image: $image
    command: ["sleep", "3600"]
    init: true
    stop_grace_period: 1s
    deploy:
      replicas: 2
      update_config: {monitor: 1s}
YAML
  done
} > "$dir/stack.yml"
remove() {
  docker stack rm "$1" >/dev/null
  while [[ -n $(docker network ls -q --filter "label=com.docker.stack.namespace=$1") ]]; do sleep 0.5; done
}
docker_deploy() {
  docker stack deploy -c "$dir/stack.yml" "$1" >/dev/null 2>&1
  until [[ $(docker stack services "$1" --format '{{.Replicas}}' | grep -vc '^2/2$') == 0 \
           && $(docker stack services "$1" -q | wc -l) == 5 ]]; do sleep 0.25; done
}
dc=(); sw=()
for ((i = 1; i <= runs; i++)); do
  name="benchcli$i"
  dc+=("$(wall docker_deploy "$name")"); remove "$name"
  name="benchsw$i"
  printf 'pipeline("stack-bench") { stage("deploy") { deploy(compose("stack.yml"), name = "%s") } }\n' "$name" > "$dir/Slipfile"
  sw+=("$(wall "$root/slipway" run "$dir/Slipfile")"); remove "$name"
done
a=$(median "${dc[@]}"); b=$(median "${sw[@]}")
echo "stack deploy, 5 services x 2 replicas, to converged: docker stack deploy + polling $a s, Slipway deploy $b s (cold JVM, 1 s stability check), ratio $(ratio "$b" "$a")"
echo "runs: docker ${dc[*]}; slipway ${sw[*]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if $created_swarm; then docker swarm leave --force >/dev/null; fi
