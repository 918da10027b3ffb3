#!/usr/bin/env bash
# The README's test command: provision the toolchain if needed, install, then build, type-check, lint and test all.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/bootstrap.sh
# The TUI's end-to-end tests drive the app in a real terminal under tmux.
if ! command -v tmux >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq tmux >/dev/null
fi
pnpm install --frozen-lockfile </dev/null
exec pnpm test "$@"
