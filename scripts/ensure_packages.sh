#!/usr/bin/env bash
# Installs Debian packages whose program is missing; CI runs as root on a fresh machine.
#   scripts/ensure_packages.sh /usr/bin/chromium:chromium [PROGRAM:PACKAGE ...]
# Packages that come with a system service are installed without starting it.
set -euo pipefail

missing=()
for entry in "$@"; do
  [[ -x "${entry%%:*}" ]] || missing+=("${entry##*:}")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
  echo "missing: ${missing[*]}; install with 'sudo apt-get install -y ${missing[*]}'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
policy=/usr/sbin/policy-rc.d  # refuses the packages' services while installing
if [[ ! -e "$policy" ]]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
apt-get install -y -qq "${missing[@]}"
