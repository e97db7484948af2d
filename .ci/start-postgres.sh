#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster for the PostgreSQL store's tests when it is installed but
# stopped. Idempotent: a running cluster is left alone; without PostgreSQL it does nothing, and those
# tests then fail saying what to start.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null || [ ! -d /etc/postgresql ]; then
  echo "PostgreSQL is not installed here; the PostgreSQL store's tests will fail" >&2
  exit 0
fi
for version in $(ls /etc/postgresql); do
  if ! pg_ctlcluster --skip-systemctl-redirect "$version" main status >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
done
