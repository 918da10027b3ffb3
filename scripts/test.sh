#!/usr/bin/env bash
# The README's test command: provision the toolchain if needed, install, then build, type-check, lint and test all.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/bootstrap.sh
pnpm install --frozen-lockfile </dev/null
exec pnpm test "$@"
