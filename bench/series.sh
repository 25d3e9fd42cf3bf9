#!/bin/bash
# The series behind README's "Performance" figures, each with its baselines in the same run:
# Footprint (read/write CPU against StAX, allocation, heap kept) of the baseline classes and of
# this build, alternately; a whole-corpus lint by the issue's baseline jar, the session's baseline
# jar, this jar and bin/virtxml, in rounds; one-file start-up (bench/startup.sh); the lint memory
# curve (bench/lint-memory.sh). Usage:
#   ISSUE_JAR=jar BEFORE_JAR=jar BEFORE_FOOTPRINT_CP=classpath [FOOTPRINT_RUNS=2] bench/series.sh CORPUS [ROUNDS]
# ISSUE_JAR: a jar of the version the issue was measured on (README: 93176a7); BEFORE_JAR: the
# baseline jar (README: c50ea0b); BEFORE_FOOTPRINT_CP: that version's bench classes, classes and
# dependencies (bench/run-all.sh builds them as target/bench-classes, target/classes and
# target/bench-classpath.txt in a checkout of it). Needs this build's jar and bench classes
# (bench/run-all.sh makes them).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
corpus=$(cd "${1:?usage: bench/series.sh CORPUS [ROUNDS]}" && pwd)
rounds=${2:-3}
tests=$corpus/libvirt-11.3.0/tests
: "${ISSUE_JAR:?}" "${BEFORE_JAR:?}" "${BEFORE_FOOTPRINT_CP:?}"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "## machine: $(nproc) CPUs,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), $(java -version 2>&1 | head -1)"
echo "## $(date -u), load $(load)"
VIRTXML_AOT_WAIT=1 bin/virtxml lint src/test/resources/samples/kvm-guest.xml > /dev/null 2>&1 || true
footprints=${FOOTPRINT_RUNS:-2}
echo "## Footprint: baseline, then this build, alternately, $footprints times"
for i in $(seq "$footprints"); do
  echo "### baseline, run $i, load $(load)"
  java -Dvirtxml.corpus="$corpus" -cp "$BEFORE_FOOTPRINT_CP" org.virtxml.bench.Footprint
  echo "### this build, run $i, load $(load)"
  java -Dvirtxml.corpus="$corpus" -cp "target/bench-classes:target/classes:$(cat target/bench-classpath.txt)" org.virtxml.bench.Footprint
done
echo "## whole-corpus lint --format json: wall, user and sys seconds, $rounds rounds"
for i in $(seq "$rounds"); do
  for v in "issue:java -jar $ISSUE_JAR" "before:java -jar $BEFORE_JAR" "now:java -jar target/virtxml.jar" "now-bin:bin/virtxml"; do
    name=${v%%:*}; cmd=${v#*:}; l=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o "$here/target/series-time.txt" $cmd lint --format json "$tests" > /dev/null 2>&1 || true
    echo "lint $name load=$l $(tail -1 "$here/target/series-time.txt")"
  done
done
echo "## one-file start-up"
BEFORE_JAR=$BEFORE_JAR bench/startup.sh 10
echo "## lint memory"
BEFORE_JAR=$BEFORE_JAR bench/lint-memory.sh "$corpus"
echo "## end $(date -u), load $(load)"
