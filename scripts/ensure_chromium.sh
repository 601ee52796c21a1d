#!/usr/bin/env bash
# The web widget test drives Debian's Chromium (Playwright cannot download its own
# browser in CI). Installs it when it is missing; CI runs as root.
set -euo pipefail
chromium=/usr/bin/chromium

if [[ -x "$chromium" ]]; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
  echo "$chromium is missing: install it with 'sudo apt-get install -y chromium'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium
