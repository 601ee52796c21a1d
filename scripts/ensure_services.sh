#!/usr/bin/env bash
# The scaled layout (ops/scaled.py) runs Debian's PostgreSQL, Redis and nginx on
# loopback: each run starts private instances in its own directory, not the system services.
exec "$(dirname "$0")/ensure_packages.sh" \
  /usr/lib/postgresql/15/bin/postgres:postgresql \
  /usr/bin/redis-server:redis-server \
  /usr/sbin/nginx:nginx
