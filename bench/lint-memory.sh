#!/bin/sh
# Peak memory (max RSS, /usr/bin/time -v) of `java -jar target/virtxml.jar lint FOLDER` with the
# default heap over 1,000, 4,000 and 16,000 guest documents: copies of the corpus domain documents,
# each with its own name and UUID (bench/GuestCopies.java), generated into a temporary folder.
# Usage: bench/lint-memory.sh CORPUS [COUNTS...]   (CORPUS: the folder holding libvirt-11.3.0)
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
echo "| files | max RSS (MiB) | wall (s) | exit |"
echo "|---:|---:|---:|---:|"
for n in $counts; do
  rm -rf "$tmp/guests"
  java "$here/bench/GuestCopies.java" "$corpus/libvirt-11.3.0/tests/qemuxmlconfdata" "$n" "$tmp/guests"
  status=0
  /usr/bin/time -v -o "$tmp/time.txt" java -jar "$jar" lint --format json "$tmp/guests" > /dev/null 2>&1 || status=$?
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tmp/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time.txt")
  echo "| $n | $rss | $wall | $status |"
done
