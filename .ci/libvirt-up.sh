#!/usr/bin/env bash
# Installs Debian's libvirt daemon and QEMU, then starts virtlogd and libvirtd by hand
# (no systemd on the CI machines). Idempotent: a second run finds the daemons alive and returns.
# PIDs go to $VIRTXML_LIBVIRT_RUN (default /run/virtxml-libvirt); .ci/libvirt-down.sh stops them.
# Remote transports (.ci/transports-up.sh): libvirtd runs with --listen and a TLS listener on
# 127.0.0.1:16514 (test certificates), and sshd on 127.0.0.1:22 takes root's CI key. A libvirtd
# this script started earlier without that listener is restarted once (its guests keep running);
# one it did not start is used as it is (the TLS tests then skip). What works is written to
# $VIRTXML_LIBVIRT_RUN/transports.env (TLS=yes|no, SSH=yes|no) for .ci/run.
set -euo pipefail

RUN_DIR=${VIRTXML_LIBVIRT_RUN:-/run/virtxml-libvirt}
HERE=$(cd "$(dirname "$0")" && pwd)
TLS_PORT=16514
LISTEN=()
SOCKET=/var/run/libvirt/libvirt-sock
QEMU_CONF=/etc/libvirt/qemu.conf
MARK_BEGIN='# >>> virtxml CI settings >>>'
MARK_END='# <<< virtxml CI settings <<<'

log() { echo "libvirt-up: $*" >&2; }

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

install_packages() {
  if command -v libvirtd >/dev/null && command -v virtlogd >/dev/null \
      && command -v qemu-system-x86_64 >/dev/null && command -v dnsmasq >/dev/null; then
    log "libvirt and qemu already installed"
    return
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Keep the packages' maintainer scripts from starting services themselves:
  # this script starts them, so it knows their PIDs.
  local policy=/usr/sbin/policy-rc.d created_policy=no
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; created_policy=yes
  fi
  log "apt-get update"
  apt-get update -qq
  log "installing libvirt-daemon-system qemu-system-x86 dnsmasq-base"
  apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    libvirt-daemon-system libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils dnsmasq-base >/dev/null
  if [[ $created_policy == yes ]]; then rm -f "$policy"; fi
}

configure_qemu() {
  # A machine without systemd, whose root may lack a private /dev per guest: run guests as
  # libvirt-qemu (DAC, with libvirt's dynamic ownership of the guest's files) and skip the
  # per-guest mount namespace. The block is replaced on every run, so running twice is harmless.
  local tmp
  tmp=$(mktemp)
  sed "/^${MARK_BEGIN}\$/,/^${MARK_END}\$/d" "$QEMU_CONF" >"$tmp"
  cat >>"$tmp" <<CONF
${MARK_BEGIN}
user = "libvirt-qemu"
group = "libvirt-qemu"
dynamic_ownership = 1
security_driver = "none"
namespaces = [ ]
${MARK_END}
CONF
  cat "$tmp" >"$QEMU_CONF"
  rm -f "$tmp"
}

enable_kvm() {
  if [[ -c /dev/kvm ]]; then
    getent group kvm >/dev/null || groupadd --system kvm
    chgrp kvm /dev/kvm
    chmod 0660 /dev/kvm
    id -nG libvirt-qemu 2>/dev/null | grep -qw kvm || usermod -a -G kvm libvirt-qemu
    log "/dev/kvm: $(stat -c '%U:%G %a' /dev/kvm), libvirt-qemu groups: $(id -nG libvirt-qemu)"
  else
    log "/dev/kvm absent: only TCG guests can run"
  fi
}

tls_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$TLS_PORT") 2>/dev/null; }

serving() { [[ -S $SOCKET ]] && timeout 10 virsh -c qemu:///system version >/dev/null 2>&1; }

start_daemons() {
  mkdir -p "$RUN_DIR" /var/run/libvirt /var/log/libvirt
  # A daemon this script did not start (a developer's, or the machine's own) is used as it is:
  # its socket is live, so it is neither deleted nor replaced, and libvirt-down.sh leaves it alone
  # (only the PIDs recorded here are stopped).
  if ! alive "$RUN_DIR/libvirtd.pid" && serving; then
    log "a libvirtd this script did not start already serves $SOCKET: using it"
    return
  fi
  if alive "$RUN_DIR/virtlogd.pid"; then
    log "virtlogd already running (pid $(cat "$RUN_DIR/virtlogd.pid"))"
  elif pgrep -x virtlogd >/dev/null; then
    log "virtlogd already running (pid $(pgrep -x virtlogd | head -1)), not started here"
  else
    virtlogd -d -p "$RUN_DIR/virtlogd.pid"
  fi
  if alive "$RUN_DIR/libvirtd.pid" && [[ ${#LISTEN[@]} -gt 0 ]] && ! tls_listening; then
    # ours, started before the TLS listener existed: restart it with --listen (guests keep running)
    local pid
    pid=$(cat "$RUN_DIR/libvirtd.pid")
    log "restarting libvirtd (pid $pid) with --listen for the TLS listener"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      log "libvirtd (pid $pid) ignored SIGTERM for 15 s; left running without TLS"
    else
      rm -f "$RUN_DIR/libvirtd.pid"
    fi
  fi
  if alive "$RUN_DIR/libvirtd.pid"; then
    log "libvirtd already running (pid $(cat "$RUN_DIR/libvirtd.pid"))"
  elif pgrep -x libvirtd >/dev/null; then
    # another libvirtd is starting or stuck: wait for it below rather than delete its socket
    log "libvirtd running (pid $(pgrep -x libvirtd | head -1)), not started here: waiting for its socket"
  else
    # no libvirtd process at all: a socket left behind is stale and would make the new one fail
    rm -f "$SOCKET"
    libvirtd -d "${LISTEN[@]}" -p "$RUN_DIR/libvirtd.pid"
  fi
  local i
  for i in $(seq 1 60); do
    if serving; then
      log "libvirtd ready on $SOCKET"
      return
    fi
    sleep 0.5
  done
  log "libvirtd did not come up; its log follows"
  tail -n 50 /var/log/libvirt/libvirtd.log 2>/dev/null || true
  exit 1
}

configure_transports() {
  mkdir -p "$RUN_DIR"
  if bash "$HERE/transports-up.sh" configure; then
    LISTEN=(--listen)
  else
    log "TLS set-up failed: libvirtd runs without --listen"
  fi
}

report_transports() {
  local tls=no ssh=no
  if [[ ${#LISTEN[@]} -gt 0 ]]; then
    for _ in $(seq 1 20); do tls_listening && { tls=yes; break; }; sleep 0.25; done
  fi
  [[ $tls == yes ]] || log "no TLS listener on 127.0.0.1:$TLS_PORT: the TLS tests will skip"
  if bash "$HERE/transports-up.sh" sshd; then ssh=yes; else log "sshd set-up failed: the SSH tests will skip"; fi
  printf 'TLS=%s\nSSH=%s\nPKI=%s\nSSH_DIR=%s\n' "$tls" "$ssh" "$RUN_DIR/pki" "$RUN_DIR/ssh" >"$RUN_DIR/transports.env"
}

install_packages
configure_qemu
enable_kvm
configure_transports
start_daemons
report_transports
