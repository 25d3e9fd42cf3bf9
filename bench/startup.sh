#!/bin/sh
# One small file, whole process: wall time of `java -jar target/virtxml.jar lint FILE`,
# `bin/virtxml lint FILE` and a bare JVM (hello world), interleaved, RUNS rounds; and the number of
# classes each loads (-Xlog:class+load: deterministic), split into those from the JDK's shared
# archive and the others. With BEFORE_JAR=path, that jar's `java -jar` joins the series (and the
# class counts) as the baseline; with BEFORE_LAUNCHER=path too (an older bin/virtxml), that
# launcher runs BEFORE_JAR with caches of its own. Wall and CPU (user + sys) seconds of each run.
# Usage: [BEFORE_JAR=old.jar [BEFORE_LAUNCHER=old/bin/virtxml]] bench/startup.sh [RUNS] [FILE]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
file=${2:-$here/src/test/resources/samples/kvm-guest.xml}
jar="$here/target/virtxml.jar"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -q -o -DskipTests package" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/virtxml-startup.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$tmp" "$tmp/Hello.java"
# the launcher's caches are made before the series (a first run makes them)
VIRTXML_AOT_WAIT=1 "$here/bin/virtxml" lint "$file" > /dev/null 2>&1 || true
VIRTXML_NO_AOT=1 "$here/bin/virtxml" lint "$file" > /dev/null 2>&1 || true
if [ -n "${BEFORE_LAUNCHER:-}" ]; then
  mkdir -p "$tmp/before-cache"
  VIRTXML_AOT_WAIT=1 VIRTXML_JAR="$BEFORE_JAR" VIRTXML_CACHE="$tmp/before-cache" "$BEFORE_LAUNCHER" lint "$file" \
      > /dev/null 2>&1 || true
fi
timed() {
  /usr/bin/time -o "$tmp/time" -f '%e %U %S' "$@" > /dev/null 2>&1 || true
  awk '{ print $1, $2 + $3 }' "$tmp/time"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$tmp/times"
i=0
while [ "$i" -lt "$runs" ]; do
  echo "hello $(timed java -cp "$tmp" Hello)" >> "$tmp/times"
  echo "java-jar $(timed java -jar "$jar" lint "$file")" >> "$tmp/times"
  if [ -n "${BEFORE_JAR:-}" ]; then
    echo "java-jar-before $(timed java -jar "$BEFORE_JAR" lint "$file")" >> "$tmp/times"
  fi
  if [ -n "${BEFORE_LAUNCHER:-}" ]; then
    echo "bin/virtxml-before $(timed env VIRTXML_JAR="$BEFORE_JAR" VIRTXML_CACHE="$tmp/before-cache" "$BEFORE_LAUNCHER" lint "$file")" >> "$tmp/times"
  fi
  echo "bin/virtxml $(timed "$here/bin/virtxml" lint "$file")" >> "$tmp/times"
  echo "bin/virtxml-java17 $(timed env VIRTXML_NO_AOT=1 "$here/bin/virtxml" lint "$file")" >> "$tmp/times"
  i=$((i + 1))
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| command | runs | wall min (s) | wall median (s) | CPU min (s) | CPU median (s) |"
echo "|---|---:|---:|---:|---:|---:|"
for what in hello java-jar java-jar-before bin/virtxml bin/virtxml-before bin/virtxml-java17; do
  grep -q "^$what " "$tmp/times" || continue
  n=$(grep -c "^$what " "$tmp/times")
  for col in 2 3; do
    grep "^$what " "$tmp/times" | awk -v c="$col" '{print $c}' | sort -n > "$tmp/one"
    eval "min$col=\$(head -1 \"\$tmp/one\")"
    eval "med$col=\$(sed -n \"\$(( (n + 1) / 2 ))p\" \"\$tmp/one\")"
  done
  printf '| %s | %d | %.2f | %.2f | %.2f | %.2f |\n' "$what" "$n" "$min2" "$med2" "$min3" "$med3"
done
echo
echo "| command | classes loaded | from the JDK's shared archive | from the JDK image, not archived | from the jar | lambdas and other hidden classes | annotation proxies and reflection accessors | picocli |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
count() {
  java -Xlog:class+load=info:file="$tmp/classes.log" -jar "$1" $2 > /dev/null 2>&1 || true
  total=$(grep -c 'source:' "$tmp/classes.log" || true)
  shared=$(grep -c 'source: shared' "$tmp/classes.log" || true)
  jrt=$(grep -c 'source: jrt:' "$tmp/classes.log" || true)
  fromjar=$(grep -c 'source: file:' "$tmp/classes.log" || true)
  hidden=$(grep -c -E 'Lambda|LookupDefineClass' "$tmp/classes.log" || true)
  pico=$(grep -c '] picocli' "$tmp/classes.log" || true)
  proxies=$(grep -c -E '__dynamic_proxy__|__ClassDefiner__' "$tmp/classes.log" || true)
  echo "$total | $shared | $jrt | $fromjar | $hidden | $proxies | $pico"
}
for args in "--version" "lint $file"; do
  echo "| java -jar virtxml.jar $args | $(count "$jar" "$args") |" | sed "s|$here/||"
  if [ -n "${BEFORE_JAR:-}" ]; then
    echo "| before: java -jar $BEFORE_JAR $args | $(count "$BEFORE_JAR" "$args") |" | sed "s|$here/||"
  fi
done
