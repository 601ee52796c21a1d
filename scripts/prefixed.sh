#!/usr/bin/env bash
# Runs a server as this very process, so that a supervisor's signals (and a kill -9)
# reach the server itself, with its output passed through scripts/without_warnings.py
# and each line prefixed with NAME.
#
#   scripts/prefixed.sh NAME COMMAND [ARGS...]
set -euo pipefail
name="${1:?usage: scripts/prefixed.sh NAME COMMAND [ARGS...]}"
shift
exec "$@" > >(exec .venv/bin/python scripts/without_warnings.py "$name") 2>&1
