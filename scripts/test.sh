#!/usr/bin/env bash
# `npm test`: everything — lint, typecheck, unit, integration against real servers, e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
npx biome check .
npx turbo run build typecheck
npx turbo run test --concurrency=1
