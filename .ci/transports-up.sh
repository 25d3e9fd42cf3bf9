#!/usr/bin/env bash
# Sets up what the connector's TLS and SSH tests need, on a clean Debian 12 machine, for the local
# libvirtd: test certificates (a CA, a server certificate for 127.0.0.1/localhost, a client
# certificate, and a second, wrong CA), libvirtd.conf's TLS listener on 127.0.0.1:16514 (the
# daemon must run with --listen: .ci/libvirt-up.sh starts or restarts it so), and sshd on
# 127.0.0.1:22 with a key pair for root and a known_hosts file made here.
# Idempotent: existing certificates and keys are kept (a running daemon has loaded them), the
# config block is replaced, a running sshd of ours is reused. Files go under
# $VIRTXML_LIBVIRT_RUN (default /run/virtxml-libvirt): pki/client, pki/wrong-ca, ssh/.
# Usage: transports-up.sh configure   (certificates + libvirtd.conf, before libvirtd starts)
#        transports-up.sh sshd        (openssh-server, keys, sshd)
set -euo pipefail

RUN_DIR=${VIRTXML_LIBVIRT_RUN:-/run/virtxml-libvirt}
PKI=$RUN_DIR/pki
SSH_DIR=$RUN_DIR/ssh
LIBVIRTD_CONF=/etc/libvirt/libvirtd.conf
MARK_BEGIN='# >>> virtxml CI TLS settings >>>'
MARK_END='# <<< virtxml CI TLS settings <<<'

log() { echo "transports-up: $*" >&2; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  local policy=/usr/sbin/policy-rc.d created_policy=no
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; created_policy=yes
  fi
  apt-get update -qq || true
  apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef \
    -o Dpkg::Options::=--force-confold "$@" >/dev/null
  if [[ $created_policy == yes ]]; then rm -f "$policy"; fi
}

# sign NAME CA_DIR EXTENSIONS SUBJECT: a key and a certificate signed by the CA in CA_DIR
sign() {
  local out=$1 ca=$2 ext=$3 subject=$4
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out-key.pem" 2>/dev/null
  openssl req -new -key "$out-key.pem" -subj "$subject" -out "$out.csr" 2>/dev/null
  printf '%b\n' "$ext" >"$out.ext"
  openssl x509 -req -in "$out.csr" -CA "$ca/cacert.pem" -CAkey "$ca/cakey.pem" -set_serial "0x$(openssl rand -hex 8)" \
    -days 365 -extfile "$out.ext" -out "$out-cert.pem" 2>/dev/null
  rm -f "$out.csr" "$out.ext"
}

make_ca() {
  local dir=$1 name=$2
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/cakey.pem" -out "$dir/cacert.pem" -days 365 \
    -subj "/CN=$name" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

certificates() {
  command -v openssl >/dev/null || apt_install openssl
  if [[ -f $PKI/client/clientkey.pem && -f $PKI/server/serverkey.pem && -f $PKI/wrong-ca/cacert.pem ]]; then
    log "test certificates already in $PKI"
    return
  fi
  log "making test certificates in $PKI"
  rm -rf "$PKI"
  mkdir -p "$PKI/server" "$PKI/client"
  make_ca "$PKI/ca" "virtxml test CA"
  sign "$PKI/server/server" "$PKI/ca" \
    "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost" \
    "/CN=localhost"
  sign "$PKI/client/client" "$PKI/ca" \
    "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth" \
    "/CN=virtxml test client"
  mv "$PKI/server/server-cert.pem" "$PKI/server/servercert.pem"
  mv "$PKI/server/server-key.pem" "$PKI/server/serverkey.pem"
  mv "$PKI/client/client-cert.pem" "$PKI/client/clientcert.pem"
  mv "$PKI/client/client-key.pem" "$PKI/client/clientkey.pem"
  cp "$PKI/ca/cacert.pem" "$PKI/client/cacert.pem"
  # a client whose CA did not sign the daemon's certificate (its own certificate is the good one)
  make_ca "$PKI/wrong" "virtxml wrong CA"
  mkdir -p "$PKI/wrong-ca"
  cp "$PKI/wrong/cacert.pem" "$PKI/wrong-ca/cacert.pem"
  cp "$PKI/client/clientcert.pem" "$PKI/client/clientkey.pem" "$PKI/wrong-ca/"
  chmod 600 "$PKI"/*/*key.pem
}

configure_libvirtd() {
  local tmp
  tmp=$(mktemp)
  sed "/^${MARK_BEGIN}\$/,/^${MARK_END}\$/d" "$LIBVIRTD_CONF" >"$tmp"
  cat >>"$tmp" <<CONF
${MARK_BEGIN}
listen_tls = 1
listen_tcp = 0
listen_addr = "127.0.0.1"
auth_tls = "none"
ca_file = "$PKI/ca/cacert.pem"
cert_file = "$PKI/server/servercert.pem"
key_file = "$PKI/server/serverkey.pem"
${MARK_END}
CONF
  cat "$tmp" >"$LIBVIRTD_CONF"
  rm -f "$tmp"
  log "libvirtd.conf: TLS on 127.0.0.1:16514 with the certificates in $PKI (needs libvirtd --listen)"
}

start_sshd() {
  if ! command -v sshd >/dev/null && [[ ! -x /usr/sbin/sshd ]]; then
    log "installing openssh-server openssh-client netcat-openbsd"
    apt_install openssh-server openssh-client netcat-openbsd
  fi
  command -v nc >/dev/null || apt_install netcat-openbsd
  ssh-keygen -A >/dev/null
  mkdir -p "$SSH_DIR" /run/sshd /root/.ssh
  chmod 700 "$SSH_DIR" /root/.ssh
  [[ -f $SSH_DIR/id_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C virtxml-ci -f "$SSH_DIR/id_ed25519"
  touch /root/.ssh/authorized_keys
  chmod 600 /root/.ssh/authorized_keys
  grep -qxF "$(cat "$SSH_DIR/id_ed25519.pub")" /root/.ssh/authorized_keys \
    || cat "$SSH_DIR/id_ed25519.pub" >>/root/.ssh/authorized_keys
  # known_hosts from the host keys themselves: no trust-on-first-use, no StrictHostKeyChecking=no
  : >"$SSH_DIR/known_hosts"
  local key
  for key in /etc/ssh/ssh_host_*_key.pub; do
    echo "127.0.0.1 $(cut -d' ' -f1,2 "$key")" >>"$SSH_DIR/known_hosts"
  done
  local pidfile=$RUN_DIR/sshd.pid
  if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "sshd already running (pid $(cat "$pidfile"))"
  else
    /usr/sbin/sshd -o ListenAddress=127.0.0.1 -o PidFile="$pidfile" -o PermitRootLogin=prohibit-password \
      -o PasswordAuthentication=no
    local i
    for i in $(seq 1 20); do [[ -f $pidfile ]] && break; sleep 0.25; done
    log "sshd started (pid $(cat "$pidfile" 2>/dev/null || echo '?')) on 127.0.0.1:22"
  fi
  timeout 20 ssh -i "$SSH_DIR/id_ed25519" -o UserKnownHostsFile="$SSH_DIR/known_hosts" -o BatchMode=yes \
    -T root@127.0.0.1 true || { log "ssh root@127.0.0.1 with the CI key fails"; exit 1; }
  log "ssh root@127.0.0.1 works with $SSH_DIR/id_ed25519"
}

case ${1:-} in
  configure) certificates; configure_libvirtd ;;
  sshd) start_sshd ;;
  *) echo "usage: $0 configure|sshd" >&2; exit 2 ;;
esac
