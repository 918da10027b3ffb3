#!/usr/bin/env bash
# The README's first command: provision the toolchain if needed, install, build, and start ollamamon.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/bootstrap.sh
pnpm install --frozen-lockfile </dev/null >&2
pnpm turbo run build --output-logs=errors-only </dev/null >&2
exec pnpm --silent start "$@"
