#!/usr/bin/env bash
# Install Chromium for the browser tests (tests/viz/test_browser.py) where it is missing: the Debian
# package, through apt-get (scripts/ensure-debian-package.sh). TILTAKSGRAF_CHROMIUM names another one.
set -euo pipefail

if [ -n "${TILTAKSGRAF_CHROMIUM:-}" ]; then
    exit 0
fi
exec bash "$(dirname "$0")/ensure-debian-package.sh" chromium chromium "the browser tests"
