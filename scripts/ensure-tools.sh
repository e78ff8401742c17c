#!/usr/bin/env bash
# Provisions the independent oracles the tests check our output with (openssl, xmlsec1, xmllint) and
# the browser they drive (Debian's Chromium). As root on Debian it installs what is missing; otherwise
# it stops with one line saying what to install.
set -euo pipefail

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"

find_missing() {
  missing=()
  [ -x "$chromium_bin" ] || missing+=(chromium)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v xmlsec1 >/dev/null 2>&1 || missing+=(xmlsec1)
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
}

find_missing

if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: chromium, openssl, xmlsec1 and xmllint are present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test tools missing: install the Debian packages ${missing[*]} (or set CHROMIUM_PATH), then run npm test again" >&2
  exit 1
fi

echo "test tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# With recommends: Chromium's fonts come as recommended packages, and the screenshots need them.
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
find_missing
if [ ${#missing[@]} -ne 0 ]; then
  echo "test tools still missing after apt-get install: ${missing[*]}" >&2
  exit 1
fi
echo "test tools: installed"
