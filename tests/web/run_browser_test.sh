#!/usr/bin/env bash
# Runs browser_test.mjs: installs playwright-core from package-lock.json when
# needed (npm ci), and skips (exit 77) when node or chromium is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${NEWSLOOM_CHROMIUM:-/usr/bin/chromium}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "browser test skipped: node/npm not installed (scripts/setup.sh installs them)"
  exit 77
fi
if [[ ! -x "$chromium" ]]; then
  echo "browser test skipped: $chromium not installed (apt-get install chromium)"
  exit 77
fi
if [[ ! -f "$here/node_modules/playwright-core/package.json" ||
      "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || {
    echo "browser test skipped: npm ci failed (no registry access?)"
    exit 77
  }
fi
exec node "$here/browser_test.mjs" --chromium "$chromium" "$@"
