#!/usr/bin/env bash
# The site hosted under a sub-path, as on a GitHub Pages project site: builds with
# SITE_BASE=/kr-policy/ and a public SITE_URL into .tmp/subpath-dist, then runs against
# that build (nginx serves it under /kr-policy/) only what a base path changes: links
# and #anchors (tests/build/pages.test.ts), requests, scripts and the CSP on one page of
# every template (tests/e2e/site.test.ts), search's file loads and links
# (tests/e2e/search.test.ts, search-damage.test.ts), the nginx config, and og:image URLs
# under https://policy.example.org/kr-policy/ (tests/build/link-previews.test.ts). The
# tests skip the rest under a base path (axe, the 320 px layout, search answers that
# hold no URL). Part of `npm test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export SITE_BASE=/kr-policy/
export SITE_URL=https://policy.example.org
out=.tmp/subpath-dist
rm -rf "$out"
npm run --silent build -- --outDir "$out"
# A deploy build must carry no local address.
npm run --silent check:deploy -- "$out"
DIST_DIR="$out" npx vitest run tests/build/pages.test.ts tests/build/link-previews.test.ts tests/e2e/site.test.ts tests/e2e/search.test.ts tests/e2e/search-damage.test.ts tests/e2e/nginx.test.ts
