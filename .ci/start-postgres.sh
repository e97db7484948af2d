#!/usr/bin/env bash
# Makes PostgreSQL ready for the PostgreSQL store's tests on 127.0.0.1:5432 (user postgres, trust, a
# maintenance database "test"). Idempotent: a server already listening there is used as it is; a
# machine without PostgreSQL gets Debian's (apt-get, as root: an embedded server cannot run as root,
# since initdb refuses to), configured for local trust; a stopped cluster is started.
set -euo pipefail

listening() {
  (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
}

if listening; then
  exit 0
fi

if ! command -v pg_ctlcluster >/dev/null || [ ! -d /etc/postgresql ] || [ -z "$(ls /etc/postgresql)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends postgresql postgresql-contrib
  for hba in /etc/postgresql/*/main/pg_hba.conf; do
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$hba"
  done
fi

for version in $(ls /etc/postgresql); do
  if ! pg_ctlcluster --skip-systemctl-redirect "$version" main status >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
done

psql -h 127.0.0.1 -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test"
