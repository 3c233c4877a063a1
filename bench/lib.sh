# Shared helpers for the benchmark scripts (sourced).
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/.." && pwd)"
out="$bench_dir/out"
mkdir -p "$out"

now_ns() { date +%s%N; }

# Wall seconds of a command (output discarded), e.g. `t=$(wall ./slipway check f)`.
wall() {
  local s e
  s=$(now_ns)
  "$@" >/dev/null 2>&1 || { echo "bench: command failed: $*" >&2; return 1; }
  e=$(now_ns)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'
}

# Median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# ratio A B -> A/B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# verdict VALUE OP GOAL -> "met" or "NOT met" (OP is <= or >=).
verdict() {
  awk -v v="$1" -v g="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? (v <= g) : (v >= g); print ok ? "met" : "NOT met" }'
}

# The JDK the launcher would pick (JAVA_HOME if >= 21, else the newest under /usr/lib/jvm).
bench_java() {
  local dir line major best="" best_major=0
  for dir in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
    [[ -x "$dir/bin/java" && -r "$dir/release" ]] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release")
    if [[ -n "$major" ]] && (( major >= 21 )); then
      if [[ "$dir" == "${JAVA_HOME:-}" ]]; then echo "$dir/bin/java"; return; fi
      (( major > best_major )) && { best="$dir"; best_major=$major; }
    fi
  done
  echo "$best/bin/java"
}

# Makes sure the jar is built and current (the launcher builds it when needed).
ensure_jar() { "$root/slipway" version >/dev/null; }

# The busybox test image (built from the host's busybox-static; nothing is pulled).
ensure_image() { "$root/scripts/build-test-images.sh" >/dev/null; echo "slipway-test/busybox:latest"; }
