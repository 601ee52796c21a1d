#!/usr/bin/env bash
# The web widget test drives Debian's Chromium (Playwright cannot download its own
# browser in CI).
exec "$(dirname "$0")/ensure_packages.sh" /usr/bin/chromium:chromium
