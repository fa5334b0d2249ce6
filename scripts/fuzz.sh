#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every decoder that reads bytes from outside, one target after another.
# Findings are written beside the target's seed corpus (src/test/resources/.../<Test>Inputs/<method>/), so
# that every later build replays them; the corpus grown while fuzzing stays in each module's .cifuzz-corpus/.
#
# usage: scripts/fuzz.sh [EXECUTIONS_PER_TARGET]   (default 1000000; each target stops after 30 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000000}"
# coverage of every project class and of Jackson's parser, not only of the fuzzed module's own classes
instrument='threatbus.**,com.fasterxml.jackson.core.**'

targets=(
    "threatbus.api MessageCodecFuzzTest"
    "threatbus.api StixPatternFuzzTest"
    "threatbus.app.zmq ZmqInputsFuzzTest#frameDecodesOrIsRejectedWithAReason"
    "threatbus.app.zmq ZmqInputsFuzzTest#managementRequestGetsAStatusReply"
    "threatbus.app.zeek BrokerDecodersFuzzTest"
    "threatbus.app.zeek BrokerDataFuzzTargetTest"
    "threatbus.app.misp MispMessageFuzzTest"
    "threatbus.config ConfigFuzzTest"
)

mvn -B -q install -DskipTests
mkdir -p target/fuzz
status=0
for target in "${targets[@]}"; do
    read -r module test <<<"$target"
    log="target/fuzz/${test//#/-}.log"
    # JUnit's @Timeout would time the whole fuzzing run; Jazzer applies it to each input instead
    if JAZZER_FUZZ=1 mvn -B -o -pl "$module" test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
        -DargLine="-Djunit.jupiter.execution.timeout.mode=disabled -Djazzer.instrument=$instrument -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-runs=$runs" \
        >"$log" 2>&1; then
        result="no finding"
    else
        result="FINDING or error, see $log"
        status=1
    fi
    summary=$(grep -E '^Done [0-9]+ runs' "$log" | tail -1 || true)
    coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1 || true)
    printf '%-70s %-40s %-32s %s\n' "$target" "${summary:-no summary}" "${coverage:-}" "$result"
done
exit $status
