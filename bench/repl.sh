#!/usr/bin/env bash
# The REPL's three figures (issue 7), side by side with jshell:
#  1. start to first prompt: `./slipway repl` (through the launcher, AOT cache) in a real
#     terminal (tmux), from the key press to the prompt on the screen, median of N (default 10);
#     the same for `jshell`.
#  2. evaluation of `1 + 2`, warm, in one JVM (io.slipway.cli.bench.ReplBench; jshell through
#     its API with the in-process engine).
#  3. `:reload` of a generated 2,000-line pipeline, warm.
# Goals: <= 0.6 s, <= 20 ms, <= 100 ms.
# SLIPWAY_BENCH_JAR=PATH measures that jar with plain `java -jar` (C1 + SerialGC as the launcher,
# but without its class-data cache) instead of ./slipway, e.g. a copy while a build rewrites
# repl/target.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${1:-10}
java=$(bench_java)
jar=${SLIPWAY_BENCH_JAR:-$root/repl/target/slipway.jar}
if [[ -n "${SLIPWAY_BENCH_JAR:-}" ]]; then
  repl=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" repl)
else
  ensure_jar
  repl=("$root/slipway" repl)
fi
jshell="$(dirname "$java")/jshell"
file="$out/Slipfile-2000"
"$bench_dir/gen-pipeline.sh" 2000 > "$file"

sock="slipway-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT
# ms from launching COMMAND in a fresh tmux window until PROMPT (a fixed string) is on the screen
to_prompt() {
  local prompt=$1; shift
  tmux -L "$sock" kill-server 2>/dev/null || true
  local s e
  s=$(now_ns)
  tmux -L "$sock" new-session -d -x 120 -y 30 -e HOME="$out/home" -e TERM=xterm-256color "$@"
  until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -qF "$prompt"; do sleep 0.005; done
  e=$(now_ns)
  tmux -L "$sock" kill-server 2>/dev/null || true
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'
}
mkdir -p "$out/home"
to_prompt "slipway>" "${repl[@]}" >/dev/null   # creates the class-data cache if missing
ours=() theirs=()
for ((i = 0; i < runs; i++)); do
  ours+=("$(to_prompt "slipway>" "${repl[@]}")")
  theirs+=("$(to_prompt "jshell>" "$jshell")")
done
m=$(median "${ours[@]}"); j=$(median "${theirs[@]}")
echo "slipway repl: ${ours[*]}"
echo "jshell:       ${theirs[*]}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "start to first prompt: slipway ${m}s vs jshell ${j}s (ratio $(ratio "$m" "$j")); goal 0.6s ($(verdict "$m" '<=' 0.6))"
"$java" -XX:+UseSerialGC -cp "$jar" io.slipway.cli.bench.ReplBench "$file" 200 200
