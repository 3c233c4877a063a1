#!/usr/bin/env bash
# The REPL's three figures (issue 7), side by side with jshell:
#  1. start to first prompt: `./slipway repl` (through the launcher, AOT cache) in a real
#     terminal (tmux), from the key press to the prompt on the screen, median of N (default 10);
#     in the same rounds the same jar without the cache (plain `java -jar`) and `jshell`. The
#     CPU time the REPL's JVM used until its prompt showed is printed too: on this shared machine
#     it moves far less with the load than the wall time does. The prompt shows before the
#     session is built (it is built in the background), so the same rounds also measure start
#     to the first result: `1 + 2` typed at once (before the prompt), until `3` is on the screen
#     (jshell: `$1 ==> 3`).
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
plain=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss16m -XX:-UsePerfData
  --enable-native-access=ALL-UNNAMED -jar "$jar" repl)
if [[ -n "${SLIPWAY_BENCH_JAR:-}" ]]; then
  repl=("${plain[@]}")
else
  ensure_jar
  repl=("$root/slipway" repl)
fi
jshell="$(dirname "$java")/jshell"
file="$out/Slipfile-2000"
"$bench_dir/gen-pipeline.sh" 2000 > "$file"

sock="slipway-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT
# "WALL CPU": seconds from launching COMMAND in a fresh tmux window until a line matching
# SCREEN (an extended regex) is on the screen, and the CPU seconds (user + system) the window's
# process had used by then (the launcher execs its JVM, so that is the JVM's). With KEYS not
# empty, KEYS and Enter are typed right after the launch.
to_screen() {
  local screen=$1 keys=$2; shift 2
  tmux -L "$sock" kill-server 2>/dev/null || true
  local s e pid cpu
  s=$(now_ns)
  tmux -L "$sock" new-session -d -x 120 -y 30 -e HOME="$out/home" -e TERM=xterm-256color "$@"
  [[ -z "$keys" ]] || tmux -L "$sock" send-keys "$keys" Enter
  until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -qE "$screen"; do sleep 0.005; done
  e=$(now_ns)
  pid=$(tmux -L "$sock" display-message -p '#{pane_pid}')
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat" 2>/dev/null || echo 0)
  tmux -L "$sock" kill-server 2>/dev/null || true
  awk -v s="$s" -v e="$e" -v c="$cpu" 'BEGIN { printf "%.3f %s\n", (e - s) / 1e9, c }'
}
mkdir -p "$out/home"
prompt='slipway>' result='^3 *$' jprompt='jshell>' jresult='\$1 ==> 3'
to_screen "$prompt" "" "${repl[@]}" >/dev/null   # creates the class-data cache if missing
ours=() ours_cpu=() nocache=() nocache_cpu=() theirs=() first=() first_cpu=() jfirst=()
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < runs; i++)); do
  read -r w c < <(to_screen "$prompt" "" "${repl[@]}"); ours+=("$w"); ours_cpu+=("$c")
  read -r w c < <(to_screen "$result" "1 + 2" "${repl[@]}"); first+=("$w"); first_cpu+=("$c")
  read -r w c < <(to_screen "$prompt" "" "${plain[@]}"); nocache+=("$w"); nocache_cpu+=("$c")
  read -r w c < <(to_screen "$jprompt" "" "$jshell"); theirs+=("$w")
  read -r w c < <(to_screen "$jresult" "1 + 2" "$jshell"); jfirst+=("$w")
done
m=$(median "${ours[@]}"); n=$(median "${nocache[@]}"); j=$(median "${theirs[@]}")
f=$(median "${first[@]}"); jf=$(median "${jfirst[@]}")
echo "slipway repl, to prompt: ${ours[*]} (CPU ${ours_cpu[*]})"
echo "slipway repl, to 3:      ${first[*]} (CPU ${first_cpu[*]})"
echo "same jar, no AOT cache:  ${nocache[*]} (CPU ${nocache_cpu[*]})"
echo "jshell, to prompt:       ${theirs[*]}"
echo "jshell, to \$1 ==> 3:    ${jfirst[*]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "start to first prompt: slipway ${m}s (CPU $(median "${ours_cpu[@]}")s) vs no cache ${n}s (CPU $(median "${nocache_cpu[@]}")s) vs jshell ${j}s (ratio to jshell $(ratio "$m" "$j")); goal 0.6s ($(verdict "$m" '<=' 0.6))"
echo "start to first result of 1 + 2 (typed at once): slipway ${f}s (CPU $(median "${first_cpu[@]}")s) vs jshell ${jf}s (ratio $(ratio "$f" "$jf"))"
"$java" -XX:+UseSerialGC -cp "$jar" io.slipway.cli.bench.ReplBench "$file" 200 200
