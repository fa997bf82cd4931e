#!/usr/bin/env bash
# Installs everything, builds, and starts Seoroseoro School on http://localhost:3000 with an
# embedded database (created, migrated and filled with demo data on first start).
source "$(dirname "$0")/lib.sh"
echo "==> Installing dependencies"
pnpm install --frozen-lockfile
echo "==> Building"
pnpm build
echo "==> Starting on http://localhost:${PORT:-3000} (Ctrl+C to stop)"
if [ "${SEED_DEMO:-true}" != "false" ]; then
  echo "    Staff admin: http://localhost:${PORT:-3000}/admin — demo sign-in staff@seoroseoro.example"
  echo "    with the password Noksapyeong-150-Hall (demo data only; see README, For staff)."
  echo "    Kiosk: open the 'pairAt' address the server prints below (demo kiosk, once, 10 minutes);"
  echo "    later: pnpm kiosk:pair-code --kiosk \"용산아트홀 제3강의실 앞\". Demo check-in code DEM1-2026."
fi
# A larger young generation (V8's semi-space, 32 MiB instead of 16): the server allocates a lot per
# request and collects less often this way; about 15% less CPU per registration in `pnpm bench`.
exec node --max-semi-space-size=32 apps/server/dist/index.js
