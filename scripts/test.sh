#!/usr/bin/env bash
# Installs everything and runs every check and test: types, lint, unit, integration and browser.
source "$(dirname "$0")/lib.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at $CHROMIUM. Install it with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
    echo "or point CHROMIUM_PATH at a Chromium binary." >&2
    exit 1
  fi
fi

echo "==> Installing dependencies"
pnpm install --frozen-lockfile
echo "==> Building"
pnpm build
echo "==> Type-checking"
pnpm check
echo "==> Linting and formatting"
pnpm lint
pnpm format:check
echo "==> Unit and integration tests"
pnpm test
echo "==> Browser tests (Playwright on $CHROMIUM)"
pnpm test:e2e
echo "==> All checks and tests passed"
