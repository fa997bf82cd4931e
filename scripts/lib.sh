# Shared by start.sh and test.sh: puts the pinned pnpm on PATH (installed locally, no root needed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "Seoroseoro School needs Node.js 20 or newer (found $(node -v))." >&2
  exit 1
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v 2>/dev/null)" != "$PNPM_VERSION" ]; then
  if [ ! -x "$ROOT/.tools/node_modules/.bin/pnpm" ] || [ "$("$ROOT/.tools/node_modules/.bin/pnpm" -v)" != "$PNPM_VERSION" ]; then
    echo "==> Installing pnpm $PNPM_VERSION into .tools/"
    npm install --silent --no-audit --no-fund --prefix "$ROOT/.tools" "pnpm@$PNPM_VERSION" >/dev/null
  fi
  export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
