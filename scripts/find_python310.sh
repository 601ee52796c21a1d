#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter: python3.10 on PATH, then pyenv's
# versions, then one installed by uv. Rasa 3.6 runs on Python 3.8-3.10 only.
set -u

is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

candidates() {
  command -v python3.10
  if command -v pyenv >/dev/null; then
    ls -d "$(pyenv root)"/versions/3.10*/bin/python3.10 2>/dev/null | sort -V -r
  fi
  ls -d "$HOME"/.pyenv/versions/3.10*/bin/python3.10 2>/dev/null | sort -V -r
}

for python in $(candidates); do
  if is_310 "$python"; then echo "$python"; exit 0; fi
done

if command -v uv >/dev/null && uv python install 3.10 >&2; then
  python="$(uv python find 3.10)"
  if is_310 "$python"; then echo "$python"; exit 0; fi
fi

echo "No Python 3.10 found: install python3.10 (or pyenv, or uv) and run 'make setup' again." >&2
exit 1
