# Provision Node 24 + pnpm 11 from the npm registry when the machine's Node is older than 22 or pnpm is missing.
# `source` this file (it exports PATH). Everything lands in a versioned cache dir; nothing is installed globally.
NODE_VERSION="${NODE_VERSION:-24.21.0}"
PNPM_VERSION="${PNPM_VERSION:-11.28.10}" # keep equal to package.json "packageManager"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 TURBO_NO_UPDATE_NOTIFIER=1

_node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$_node_major" -lt 22 ] || [ "$(pnpm -v 2>/dev/null)" != "$PNPM_VERSION" ]; then
  case "$(uname -m)" in
    x86_64) _arch=x64 ;;
    aarch64 | arm64) _arch=arm64 ;;
    *) echo "unsupported architecture $(uname -m)" >&2; return 1 ;;
  esac
  _cache="${XDG_CACHE_HOME:-$HOME/.cache}/ollamamon"
  TOOLS_DIR="$_cache/toolchain-node$NODE_VERSION-pnpm$PNPM_VERSION"
  if [ "$("$TOOLS_DIR/node_modules/.bin/node" -v 2>/dev/null)" != "v$NODE_VERSION" ] ||
    [ ! -e "$TOOLS_DIR/node_modules/.bin/pnpm" ]; then
    echo "provisioning node $NODE_VERSION and pnpm $PNPM_VERSION into $TOOLS_DIR" >&2
    mkdir -p "$_cache"
    _tmp="$(mktemp -d "$_cache/.tmp.XXXXXX")"
    echo '{"private":true}' >"$_tmp/package.json"
    # node-linux-<arch> is the plain Node binary (no install script); pnpm 11 is pure JS.
    npm install --prefix "$_tmp" --ignore-scripts --no-audit --no-fund --loglevel=error \
      "node-linux-$_arch@$NODE_VERSION" "pnpm@$PNPM_VERSION" </dev/null
    rm -rf "$TOOLS_DIR"
    mv "$_tmp" "$TOOLS_DIR" # never leave a half-installed toolchain behind
  fi
  export PATH="$TOOLS_DIR/node_modules/.bin:$PATH"
  # node-gyp builds against the shipped headers and downloads nothing.
  export npm_config_nodedir="$TOOLS_DIR/node_modules/node-linux-$_arch"
  hash -r
fi
echo "toolchain: node $(node -v), pnpm $(pnpm -v)" >&2
