#!/usr/bin/env bash
# Runs every benchmark in turn and prints each one's figures (bench/README.md records them).
set -uo pipefail
cd "$(dirname "$0")"
for b in check-throughput check-cold step-overhead cold-start parallel books-ms-rss compose-config compose-up-down; do
  echo "== $b"
  ./"$b".sh || echo "$b: failed (exit $?)"
done
