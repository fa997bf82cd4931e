#!/usr/bin/env bash
# Installs everything, builds, and starts Seoroseoro School on http://localhost:3000 with an
# embedded database (created, migrated and filled with demo data on first start).
source "$(dirname "$0")/lib.sh"
echo "==> Installing dependencies"
pnpm install --frozen-lockfile
echo "==> Building"
pnpm build
echo "==> Starting (Ctrl+C to stop)"
exec node apps/server/dist/index.js
