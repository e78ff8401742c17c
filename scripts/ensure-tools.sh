#!/usr/bin/env bash
# Provisions the independent oracles the tests check our output with (openssl, xmlsec1, xmllint), the
# browser they drive (Debian's Chromium) and the nginx (with njs) they run deploy/nginx/ksef-cert.conf in. As root
# on Debian it installs what is missing; otherwise it stops with one line saying what to install.
set -euo pipefail

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"

find_missing() {
  missing=()
  [ -x "$chromium_bin" ] || missing+=(chromium)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v xmlsec1 >/dev/null 2>&1 || missing+=(xmlsec1)
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  # ssh-keygen runs the conversion we suggest for OpenSSH keys.
  command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
  # /usr/sbin is not on every user's PATH; the e2e setup looks in the same two places.
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  # njs runs the relay's response header allowlist (deploy/nginx/ksef-cert-headers.js).
  [ -e /usr/lib/nginx/modules/ngx_http_js_module.so ] || missing+=(libnginx-mod-http-js)
}

find_missing

if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: chromium, openssl, xmlsec1, xmllint, ssh-keygen, nginx and its njs module are present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test tools missing: install the Debian packages ${missing[*]} (or set CHROMIUM_PATH), then run npm test again" >&2
  exit 1
fi

echo "test tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# nginx's package starts the system service on port 80 where it can (in a container without systemd,
# through invoke-rc.d as a stray daemon). The tests run their own nginx as a child process, so no
# service is started: a policy-rc.d that denies every start, for this install only, unless the
# machine already has a policy of its own (container images usually do).
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# Written by ksef-cert scripts/ensure-tools.sh for one apt-get install; removed after it.\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi
# With recommends: Chromium's fonts come as recommended packages, and the screenshots need them.
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
find_missing
if [ ${#missing[@]} -ne 0 ]; then
  echo "test tools still missing after apt-get install: ${missing[*]}" >&2
  exit 1
fi
echo "test tools: installed"
