#!/usr/bin/env bash
# Cold start: `./slipway run` of a one-step pipeline (sh("true") in a busybox agent) vs
# `docker run --rm` of the same image and command. Goal: <= 1.5x. Median of 5.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_jar
image=$(ensure_image)
pipe="$out/cold-start.slip"
cat > "$pipe" <<SLIP
pipeline("cold-start") {
    agent(image = "$image")
    stage("one") {
        sh("true")
    }
}
SLIP
"$root/slipway" run "$pipe" >/dev/null 2>&1 || { echo "cold start: slipway run failed:"; "$root/slipway" run "$pipe" | tail -5; exit 1; }
s=() d=()
for i in 1 2 3 4 5; do
  s+=("$(wall "$root/slipway" run "$pipe")")
  d+=("$(wall docker run --rm "$image" true)")
done
ms=$(median "${s[@]}"); md=$(median "${d[@]}")
echo "cold start (one step): slipway ${ms}s vs docker run --rm ${md}s: ratio $(ratio "$ms" "$md") (goal <= 1.5: $(verdict "$(ratio "$ms" "$md")" '<=' 1.5))"
