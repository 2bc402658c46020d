#!/usr/bin/env bash
# The whole test suite on a fresh machine: a virtualenv (.venv/, created once, or the active
# one) with the pinned test packages, Debian's Chromium for the browser tier, then ruff and
# pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv requirements-dev.txt

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is not installed and this is not root: the browser tests will skip" >&2
  fi
fi

# deploy/nginx.conf is tested with Debian's nginx (tests/app/test_deploy_nginx.py)
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ] && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; } \
    || echo "nginx could not be installed: the nginx tests will skip" >&2
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

"$PY" -m ruff check .
"$PY" -m pytest "$@"
