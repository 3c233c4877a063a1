#!/usr/bin/env bash
# Peak resident memory of the JVM running the books-ms example end to end
# (`/usr/bin/time -v`, "Maximum resident set size"). Goal: <= 256 MiB.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_jar
log="$out/books-ms-time.txt"
ensure_image >/dev/null
# books-ms pushes to a registry: a private one on a spare loopback port, removed afterwards
port=${BENCH_REGISTRY_PORT:-5057}
eval "$("$root/scripts/start-registry.sh" "$port")"
trap 'kill "$REGISTRY_PID" 2>/dev/null; rm -rf "$REGISTRY_DIR"' EXIT
set +e
/usr/bin/time -v "$root/slipway" run "$root/examples/books-ms/Slipfile" -p registry="localhost:$port" \
  -p port="${BENCH_BOOKS_PORT:-18091}" > "$out/books-ms-run.txt" 2> "$log"
code=$?
set -e
kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
mib=$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')
echo "books-ms: exit $code, wall $wall, peak RSS ${mib} MiB vs goal 256 MiB: ratio $(ratio "$mib" 256) ($(verdict "$mib" '<=' 256))"
(( code == 0 )) || { echo "books-ms run did not succeed; last lines:"; tail -n 8 "$out/books-ms-run.txt"; }
