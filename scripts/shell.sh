#!/usr/bin/env bash
# `make shell`: talk to the assistant on the command line. The action server runs in
# the background for as long as the shell does (its log: build/actions.log).
#
#   scripts/shell.sh MODEL [rasa shell options, e.g. --port 5006 --endpoints other.yml]
#
# ACTIONS_PORT (default 5055) is where the action server listens; the endpoints file
# must send actions there, as endpoints.yml does for 5055.
set -euo pipefail
model="${1:?usage: scripts/shell.sh MODEL [rasa shell options]}"
shift
actions_port="${ACTIONS_PORT:-5055}"

mkdir -p build
.venv/bin/rasa run actions --actions actions --port "$actions_port" >build/actions.log 2>&1 &
actions_pid=$!
trap 'kill "$actions_pid" 2>/dev/null || true; wait "$actions_pid" 2>/dev/null || true' EXIT

actions_healthy() {
  .venv/bin/python -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
    "http://127.0.0.1:$actions_port/health" 2>/dev/null
}

deadline=$((SECONDS + 120))
until actions_healthy; do
  if ! kill -0 "$actions_pid" 2>/dev/null || ((SECONDS > deadline)); then
    echo "The action server did not start on port $actions_port: see build/actions.log" >&2
    exit 1
  fi
  sleep 0.5
done

.venv/bin/python -m speedups shell --model "$model" "$@"
