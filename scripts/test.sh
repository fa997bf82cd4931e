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
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
echo "==> Unit and integration tests"
pnpm test 2>&1 | tee -a "$LOG"
echo "==> Browser tests (Playwright on $CHROMIUM)"
pnpm test:e2e 2>&1 | tee -a "$LOG"

# One closing line for every runner: vitest's "Tests  N passed" per package plus Playwright's total.
plain="$(sed 's/\x1b\[[0-9;]*m//g' "$LOG")"
unit="$(grep -oE 'Tests +[0-9]+ passed' <<<"$plain" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')"
browser="$(grep -oE '^ +[0-9]+ passed \(' <<<"$plain" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')"
echo "==> All checks and tests passed: ${unit:-0} unit/integration and ${browser:-0} browser tests"
echo "$(( ${unit:-0} + ${browser:-0} )) passed, 0 failed"
