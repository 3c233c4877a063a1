#!/usr/bin/env bash
# Network simulation figures (issue 8): a partition across 20 containers applied and healed the default way
# (one agent per run entering each namespace, where the engine allows it) and, alternating, with one helper per
# container (SLIPWAY_NETSIM_HELPER=sidecar, the fallback), as before:
# (Slipway's persistent helpers vs one short-lived `docker run --rm --network container:X`
# helper per container, as Blockade/Pumba-style tools do), and the NFQUEUE delayer's CPU per
# 1000 packets/s. Needs the real engine; runs io.slipway.netsim.NetsimBench from the
# interpreter's test classes.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cpfile=$(mktemp)
# one invocation: the reactor resolves the grammar module from its compiled classes
mvn -B -q -o -pl interpreter -am test-compile dependency:build-classpath -Dmdep.outputFile="$cpfile" \
  -Dmdep.includeScope=test >/dev/null
cp=$(cat "$cpfile"); rm -f "$cpfile"
"$JAVA_HOME/bin/java" -cp "interpreter/target/test-classes:interpreter/target/classes:grammar/target/classes:$cp" \
  io.slipway.netsim.NetsimBench
