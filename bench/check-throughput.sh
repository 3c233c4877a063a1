#!/usr/bin/env bash
# Warm `slipway check` throughput on a generated 20,000-line pipeline, measured in-process by
# io.slipway.cli.bench.CheckBench (warm-up, then timed iterations with full JIT). Goal: >= 50,000
# lines/s.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
lines=${1:-20000}
ensure_jar
file="$out/generated-$lines.slip"
"$bench_dir/gen-pipeline.sh" "$lines" > "$file"
java=$(bench_java)
result=$("$java" -XX:+UseParallelGC -Xss16m --sun-misc-unsafe-memory-access=allow \
  -cp "$root/repl/target/slipway.jar" io.slipway.cli.bench.CheckBench "$file" 10 10)
echo "$result"
rate=$(echo "$result" | sed -n 's/^median: .* = \([0-9]*\) lines\/s$/\1/p')
echo "check throughput: slipway $rate lines/s vs goal 50000 lines/s: ratio $(ratio "$rate" 50000) ($(verdict "$rate" '>=' 50000))"
