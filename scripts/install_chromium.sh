#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (playwright-core never downloads a browser),
# plus the Inter font that Kibana's Borealis theme asks for. Idempotent: quiet when both are there.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
dpkg-query -W -f='${Status}' fonts-inter 2>/dev/null | grep -q 'install ok installed' || packages+=(fonts-inter)
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  run() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
  run() { sudo "$@"; }
else
  echo "install_chromium: need root or sudo to install: ${packages[*]}" >&2
  exit 1
fi

echo "install_chromium: installing ${packages[*]}" >&2
run env DEBIAN_FRONTEND=noninteractive apt-get update -qq
run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
[ -x /usr/bin/chromium ] || { echo "install_chromium: /usr/bin/chromium is still missing" >&2; exit 1; }
