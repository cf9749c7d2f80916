#!/usr/bin/env bash
# Duration of the whole test suite (README's test command, `./mvnw verify`) on a clean tree, next to the
# reference measured in the same run: the same build with every test skipped. The difference is what the
# tests cost; the Failsafe summary lines show that the integration and EAR smoke tests ran.
# Usage: bench/test-suite.sh
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp /tmp/cloudweb-test-suite.XXXXXX)"
trap 'rm -f "$log"' EXIT

timed() { # prints the seconds the command took
  local start end
  start="$(date +%s.%N)"
  "$@" >>"$log" 2>&1 || { tail -50 "$log" >&2; exit 1; }
  end="$(date +%s.%N)"
  awk -v end="$end" -v start="$start" 'BEGIN { printf "%.0f", end - start }'
}

./mvnw -q -B clean >/dev/null
build="$(timed ./mvnw -B -DskipTests verify)"
./mvnw -q -B clean >/dev/null
suite="$(timed ./mvnw -B verify)"

printf '%-48s %8s\n' "run" "seconds"
printf '%-48s %8s\n' "reference: ./mvnw -DskipTests verify (no tests)" "$build"
printf '%-48s %8s\n' "./mvnw verify (whole test suite)" "$suite"
grep -E '^\[INFO\] Tests run: [0-9]+, .*in org\.cloudweb\.it\.' "$log" | sed 's/^\[INFO\] /  /'
