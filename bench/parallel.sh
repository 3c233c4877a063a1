#!/usr/bin/env bash
# Four parallel stages of `sleep 2`, as host commands and in busybox agents; wall time of the
# whole `./slipway run` (JVM start included) vs the 2 s a perfect scheduler needs.
# Goal: wall <= 2.6 s.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_jar
gen() { # $1 = agent line or empty
  echo 'pipeline("parallel-sleep") {'
  echo "    $1"
  echo '    parallel {'
  for s in a b c d; do echo "        stage(\"$s\") { sh(\"sleep 2\") }"; done
  echo '    }'
  echo '}'
}
gen "" > "$out/parallel-host.slip"
image=$(ensure_image)
gen "agent(image = \"$image\")" > "$out/parallel-agent.slip"
for kind in host agent; do
  f="$out/parallel-$kind.slip"
  "$root/slipway" run "$f" >/dev/null 2>&1 || { echo "parallel ($kind): slipway run failed:"; "$root/slipway" run "$f" | tail -5; continue; }
  t=()
  for i in 1 2 3; do t+=("$(wall "$root/slipway" run "$f")"); done
  m=$(median "${t[@]}")
  echo "4 parallel stages of sleep 2 ($kind): slipway ${m}s vs ideal 2.0s: ratio $(ratio "$m" 2.0) (goal wall <= 2.6s: $(verdict "$m" '<=' 2.6))"
done
