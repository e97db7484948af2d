#!/usr/bin/env bash
# Installs what the web chat's browser test needs: Debian's chromium and the pinned playwright-core.
# Idempotent: does nothing that is already done, so CI and developers can call it on every run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
browser_tests="$root/adapters/web/src/test/browser"

if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium
fi

if [ ! -d "$browser_tests/node_modules/playwright-core" ]; then
  (cd "$browser_tests" && npm ci --no-audit --no-fund)
fi
