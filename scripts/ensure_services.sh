#!/usr/bin/env bash
# The scaled layout (ops/scaled.py) runs Debian's PostgreSQL, Redis and nginx on
# loopback: each run starts private instances in its own directory, not the system services.
# PostgreSQL is in /usr/lib/postgresql/VERSION/, whichever version the distribution carries.
postgres=(/usr/lib/postgresql/*/bin/postgres)  # the pattern itself when none is installed
exec "$(dirname "$0")/ensure_packages.sh" \
  "${postgres[0]}:postgresql" \
  /usr/bin/redis-server:redis-server \
  /usr/sbin/nginx:nginx
