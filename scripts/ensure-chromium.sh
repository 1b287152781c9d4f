#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own browser download is not
# reachable here). Installs it when missing; needs root, as on CI and dev machines.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium이 없습니다: sudo apt-get install -y chromium 으로 설치한 뒤 다시 실행하세요." >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
"$chromium_path" --version
