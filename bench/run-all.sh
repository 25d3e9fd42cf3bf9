#!/bin/sh
# Reruns every performance figure of README's "Performance" section, on this machine, with its
# baseline in the same run. Usage: bench/run-all.sh CORPUS   (CORPUS: the folder holding libvirt-11.3.0)
# Takes about 25 minutes on 2 cores. Each part also runs alone (see README).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:?usage: bench/run-all.sh CORPUS}" && pwd)
cd "$here"
echo "## machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "## load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -o -DskipTests package
# the benchmarks are compiled apart (not into the jar): JMH's annotation processor generates their runners
./mvnw -q -o -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=compile
rm -rf target/bench-classes
javac -d target/bench-classes -cp "target/classes:$(cat target/bench-classpath.txt)" src/bench/java/org/virtxml/bench/*.java
cp="target/bench-classes:target/classes:$(cat target/bench-classpath.txt)"
echo; echo "## corpus read/write (JMH), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dvirtxml.corpus="$corpus" -cp "$cp" org.virtxml.bench.BenchMain
echo; echo "## allocation, retained heap and CPU time per pass, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dvirtxml.corpus="$corpus" -cp "$cp" org.virtxml.bench.Footprint
echo; echo "## scaling with the number of disks: CPU time, then JMH, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$cp" org.virtxml.bench.ScalingCurve
java -cp "$cp" org.virtxml.bench.BenchMain scaling
echo; echo "## lint memory curve"
bench/lint-memory.sh "$corpus"
echo; echo "## lint of the whole corpus: CPU time (user + sys) and max RSS"
/usr/bin/time -f "user %U s, sys %S s, wall %e s, max RSS %M KiB" java -jar target/virtxml.jar lint "$corpus/libvirt-11.3.0/tests" > /dev/null 2> target/lint-corpus.err || true
tail -1 target/lint-corpus.err
echo; echo "## one-file start-up"
bench/startup.sh 10
echo; echo "## load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
