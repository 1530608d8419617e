#!/usr/bin/env bash
# The web pages in headless Chromium (tests/browser/pages.test.mjs): an advisor from three
# answers to a shortlist and a relaxed must-have, a veileder's tag reaching the advisor's next
# shortlist, role refusals, and an axe-core accessibility check of every page.
#
#   bash tests/browser.sh                 # installs Chromium and the npm packages if missing
#   SCREENSHOTS=1 bash tests/browser.sh   # also writes the README's screenshots
set -euo pipefail
cd "$(dirname "$0")/.."

if ! [ -x /usr/bin/chromium ]; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
command -v node >/dev/null || { echo "Node.js is needed for the browser tests" >&2; exit 1; }
[ -n "${JOBBMATCH_BIN:-}" ] || cargo build --bin jobbmatch
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
cd tests/browser
node --test --test-concurrency=1 pages.test.mjs
