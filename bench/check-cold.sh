#!/usr/bin/env bash
# Cold `./slipway check` of a generated 200-line Slipfile: a new JVM each time, through the
# launcher (AOT cache / AppCDS). Median of N runs (default 10) after one run that creates the
# cache. Goal: <= 0.5 s wall. Also prints the CPU time (user + sys, less sensitive to other load
# on the machine) and `java -version` as the JVM floor.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-10}
ensure_jar
file="$out/Slipfile-200"
"$bench_dir/gen-pipeline.sh" 200 > "$file"
"$root/slipway" check "$file" >/dev/null   # creates the class-data cache if missing
walls=() cpus=() floor=()
for ((i = 0; i < runs; i++)); do
  read -r w u s < <( { /usr/bin/time -f "%e %U %S" "$root/slipway" check "$file" >/dev/null; } 2>&1 | tail -1)
  walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')")
  floor+=("$(wall "$(bench_java)" -Xshare:auto -version)")
done
m=$(median "${walls[@]}"); c=$(median "${cpus[@]}"); f=$(median "${floor[@]}")
echo "wall: ${walls[*]}"
echo "cpu:  ${cpus[*]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cold check (200 lines): slipway ${m}s wall (cpu ${c}s) vs goal 0.5s: ratio $(ratio "$m" 0.5) ($(verdict "$m" '<=' 0.5)); bare 'java -version' ${f}s"
