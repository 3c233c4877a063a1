#!/usr/bin/env bash
# Cold `./slipway check` of a generated 200-line Slipfile: a new JVM each time, through the
# launcher (AOT cache / AppCDS). Median of 10 runs after one warm-up run that creates the cache.
# Goal: <= 0.5 s wall. Also prints `java -version` as the JVM floor for comparison.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-10}
ensure_jar
file="$out/Slipfile-200"
"$bench_dir/gen-pipeline.sh" 200 > "$file"
"$root/slipway" check "$file" >/dev/null   # creates the class-data cache if missing
times=() floor=()
for ((i = 0; i < runs; i++)); do
  times+=("$(wall "$root/slipway" check "$file")")
  floor+=("$(wall "$(bench_java)" -Xshare:auto -version)")
done
m=$(median "${times[@]}")
f=$(median "${floor[@]}")
echo "runs: ${times[*]}"
echo "cold check (200 lines): slipway ${m}s vs goal 0.5s: ratio $(ratio "$m" 0.5) ($(verdict "$m" '<=' 0.5)); bare 'java -version' ${f}s"
