#!/usr/bin/env bash
# The scaled layout (tools/scaled.py) runs Debian's PostgreSQL, Redis and nginx on
# loopback. Installs whichever is missing; CI runs as root. Their system services are
# not used: each run starts private instances in its own directory.
set -euo pipefail

needed=(
  /usr/lib/postgresql/15/bin/postgres:postgresql
  /usr/bin/redis-server:redis-server
  /usr/sbin/nginx:nginx
)
missing=()
for entry in "${needed[@]}"; do
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
# policy-rc.d refuses to start the packages' own services during installation.
policy=/usr/sbin/policy-rc.d
if [[ ! -e "$policy" ]]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
apt-get install -y -qq "${missing[@]}"
