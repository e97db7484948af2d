#!/usr/bin/env bash
# Installs Debian's poppler-utils (pdftoppm, pdftotext), with which the PDF report's tests render and read
# its pages. Idempotent: does nothing when they are there.
set -euo pipefail

if ! command -v pdftoppm >/dev/null || ! command -v pdftotext >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends poppler-utils
fi
