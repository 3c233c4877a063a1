#!/usr/bin/env bash
# `config` of a three-file merge (base, local and production overrides with ${VERSION_NUMBER}):
# a cold `./slipway compose config -f A -f B -f C` (JVM start included) vs
# `docker-compose -f A -f B -f C config`. Both outputs are checked to parse and to name the
# version. Median of RUNS (default 10), alternating. Goal: <= 1x.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs="${1:-10}"
ensure_jar
command -v docker-compose >/dev/null || { echo "docker-compose is needed (scripts/setup.d/50-compose.sh)" >&2; exit 1; }
src="$root/interpreter/src/test/resources/compose-conformance/17-three-files"
dir="$out/compose-config"
rm -rf "$dir" && mkdir -p "$dir" && cp "$src"/docker-compose*.yml "$dir/"
cd "$dir"
export VERSION_NUMBER=1.2.3
files=(-f docker-compose.yml -f docker-compose.local.yml -f docker-compose.prod.yml)
for tool in "docker-compose ${files[*]} config" "$root/slipway compose config ${files[*]}"; do
  $tool | grep -q 'slipway-conformance/wordpress:1.2.3' || { echo "bench: $tool did not interpolate" >&2; exit 1; }
done
dc=(); sw=()
for ((i = 1; i <= runs; i++)); do
  dc+=("$(wall docker-compose "${files[@]}" config)")
  sw+=("$(wall "$root/slipway" compose config "${files[@]}")")
done
a=$(median "${dc[@]}"); b=$(median "${sw[@]}")
echo "config, 3 files: docker-compose $a s, Slipway $b s (cold JVM), ratio $(ratio "$b" "$a") (goal <= 1: $(verdict "$(ratio "$b" "$a")" '<=' 1))"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
