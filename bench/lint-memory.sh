#!/bin/sh
# Peak memory (max RSS, /usr/bin/time -v) of a lint of 1,000, 4,000 and 16,000 guest documents:
# copies of the corpus domain documents, each with its own name and UUID (bench/GuestCopies.java),
# generated into a temporary folder. Two ways to run it: `java -jar target/virtxml.jar` (Java 17,
# default collector and heap) with the heap in use after its last collection (-Xlog:gc: what the
# run keeps), and bin/virtxml (serial collector, Java 25 where installed).
# With BEFORE_JAR=path, the same lint by that jar (`java -jar`) is measured too, as the baseline.
# Usage: [BEFORE_JAR=old.jar] bench/lint-memory.sh CORPUS [COUNTS...]   (CORPUS: the folder holding libvirt-11.3.0)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:?usage: bench/lint-memory.sh CORPUS [COUNTS...]}
shift
counts=${*:-1000 4000 16000}
jar="$here/target/virtxml.jar"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -q -o -DskipTests package" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/virtxml-lint-memory.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)  java: $(java -version 2>&1 | head -1)"
echo "| files | java -jar: max RSS (MiB) | java -jar: heap in use after the last collection (MiB) | bin/virtxml: max RSS (MiB) | wall, java -jar (s) | CPU, java -jar (s) | before: java -jar max RSS (MiB) | before: wall (s) | before: CPU (s) | same output |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
# figures of one /usr/bin/time -v report: max RSS (MiB), wall clock, CPU (user + sys) seconds
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$1"; }
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$1"; }
for n in $counts; do
  rm -rf "$tmp/guests"
  java "$here/bench/GuestCopies.java" "$corpus/libvirt-11.3.0/tests/qemuxmlconfdata" "$n" "$tmp/guests"
  /usr/bin/time -v -o "$tmp/time.txt" java -Xlog:gc:file="$tmp/gc.log" -jar "$jar" lint --format json "$tmp/guests" \
      > "$tmp/out1.json" 2> /dev/null || true
  rss=$(rss "$tmp/time.txt")
  wall=$(wall "$tmp/time.txt")
  live=$(grep 'Pause' "$tmp/gc.log" | tail -1 | sed -n 's/.*->\([0-9]*\)M(.*/\1/p')
  cpu1=$(cpu "$tmp/time.txt")
  brss=- bwall=- bcpu=-
  if [ -n "${BEFORE_JAR:-}" ]; then
    /usr/bin/time -v -o "$tmp/time0.txt" java -jar "$BEFORE_JAR" lint --format json "$tmp/guests" > "$tmp/out0.json" 2> /dev/null || true
    brss=$(rss "$tmp/time0.txt")
    bwall=$(wall "$tmp/time0.txt")
    bcpu=$(cpu "$tmp/time0.txt")
    cmp -s "$tmp/out0.json" "$tmp/out1.json" || bcpu="$bcpu (output differs)"
  fi
  /usr/bin/time -v -o "$tmp/time2.txt" "$here/bin/virtxml" lint --format json "$tmp/guests" > "$tmp/out2.json" 2> /dev/null || true
  rss2=$(rss "$tmp/time2.txt")
  same=$(cmp -s "$tmp/out1.json" "$tmp/out2.json" && echo yes || echo NO)
  echo "| $n | $rss | ${live:-none} | $rss2 | $wall | $cpu1 | $brss | $bwall | $bcpu | $same |"
done
