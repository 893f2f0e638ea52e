#!/usr/bin/env bash
# Install Chromium for the browser tests (tests/viz/test_browser.py) where it is missing: the Debian
# package, through apt-get. Idempotent and quiet when Chromium is already there. Exit 1 with a message
# when it cannot be installed; the browser tests then fail and say why (they never skip).
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || [ -n "${TILTAKSGRAF_CHROMIUM:-}" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: no apt-get here; install Chromium and set TILTAKSGRAF_CHROMIUM=/path/to/chromium" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "ensure-chromium: not root and no sudo; run: apt-get install -y chromium" >&2
        exit 1
    fi
fi
echo "ensure-chromium: installing Chromium for the browser tests (apt-get install chromium)…" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    echo "ensure-chromium: apt-get could not install chromium (see above)" >&2
    exit 1
fi
rm -f "$log"
command -v chromium >/dev/null 2>&1
