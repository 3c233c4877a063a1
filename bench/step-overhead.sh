#!/usr/bin/env bash
# Step overhead: one stage of 50 sh("true") steps in a busybox agent (`./slipway run`, JVM start
# included) vs a bash script doing one `docker run -d` and 50 `docker exec` (and `docker rm -f`).
# Goal: Slipway <= 0.6x the script's wall time. Median of 3.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_jar
image=$(ensure_image)
pipe="$out/step-overhead.slip"
cat > "$pipe" <<SLIP
pipeline("step-overhead") {
    agent(image = "$image")
    stage("steps") {
        for (i in 1..50) {
            sh("true")
        }
    }
}
SLIP
script() {
  local id
  id=$(docker run -d --label io.slipway.bench=1 "$image" sleep 3600)
  for ((i = 0; i < 50; i++)); do docker exec "$id" true; done
  docker rm -f "$id" >/dev/null
}
"$root/slipway" run "$pipe" >/dev/null 2>&1 || { echo "step overhead: slipway run failed:"; "$root/slipway" run "$pipe" | tail -5; exit 1; }
s=() d=()
for i in 1 2 3; do
  s+=("$(wall "$root/slipway" run "$pipe")")
  d+=("$(wall script)")
done
ms=$(median "${s[@]}"); md=$(median "${d[@]}")
echo "step overhead (50 steps): slipway ${ms}s vs docker CLI script ${md}s: ratio $(ratio "$ms" "$md") (goal <= 0.6: $(verdict "$(ratio "$ms" "$md")" '<=' 0.6))"
