#!/usr/bin/env bash
# Installs the pinned npm packages the Teams tests validate with (adaptivecards, @microsoft/app-manifest).
# Idempotent: does nothing when they are installed, so CI and developers can call it on every run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
validation="$root/adapters/teams/src/test/node"

if [ ! -d "$validation/node_modules/adaptivecards" ] || [ ! -d "$validation/node_modules/@microsoft/app-manifest" ]; then
  (cd "$validation" && npm ci --no-audit --no-fund)
fi
