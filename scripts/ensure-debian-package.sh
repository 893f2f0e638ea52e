#!/usr/bin/env bash
# Install a Debian package where the command the tests need is missing, through apt-get.
#   scripts/ensure-debian-package.sh COMMAND PACKAGE WHAT-FOR
# Idempotent and quiet when COMMAND is already on PATH. Exit 1 with a message when it cannot be installed;
# the tests that need it then fail and say why (they never skip).
set -euo pipefail

command_name=$1 package=$2 purpose=$3
if command -v "$command_name" >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-debian-package: no apt-get here; install $package (for $purpose)" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "ensure-debian-package: not root and no sudo; run: apt-get install -y $package" >&2
        exit 1
    fi
fi
echo "ensure-debian-package: installing $package for $purpose (apt-get install $package)…" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "$package"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    echo "ensure-debian-package: apt-get could not install $package (see above)" >&2
    exit 1
fi
rm -f "$log"
command -v "$command_name" >/dev/null 2>&1
