#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need
# (pinned pip packages, Debian's Chromium for the browser tier), then runs
# ruff and pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is not installed and this is not root: the browser tests will skip" >&2
  fi
fi

# the sign-in tests' OpenID Connect provider (npm's oidc-provider, pinned by tests/oidc/package-lock.json)
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if command -v npm >/dev/null 2>&1; then
  npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error >/dev/null
else
  echo "npm is not installed: the sign-in browser tests will skip" >&2
fi

python3 -m ruff check .
python3 -m pytest "$@"
