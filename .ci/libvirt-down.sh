#!/usr/bin/env bash
# Stops the sshd, virtlogd and libvirtd that .ci/libvirt-up.sh started, by the PIDs it recorded.
# Idempotent: nothing recorded or already gone is fine.
set -uo pipefail

RUN_DIR=${VIRTXML_LIBVIRT_RUN:-/run/virtxml-libvirt}

stop() {
  local name=$1 file="$RUN_DIR/$1.pid" pid i
  [[ -f $file ]] || { echo "libvirt-down: $name not recorded" >&2; return 0; }
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "libvirt-down: $name (pid $pid) ignored SIGTERM, sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "libvirt-down: stopped $name (pid $pid)" >&2
  fi
  rm -f "$file"
}

stop sshd
stop libvirtd
stop virtlogd
exit 0
