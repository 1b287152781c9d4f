#!/usr/bin/env bash
# Browser tests and benchmarks drive Debian's Chromium in its old headless mode
# (package chromium-headless-shell, as Playwright runs headless; Playwright's own
# browser download is not reachable here), with a Korean font so text is laid out at
# real widths (the 320 px overflow check) instead of tofu boxes. Installs what is
# missing; needs root, as on CI and the team's machines. Also a Java runtime for the
# HTML validity test, which runs the Nu Html Checker (vnu.jar from the vnu-jar package;
# its own Java download is denied in package.json "allowScripts").
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"
missing=()
[ -x "$chromium_path" ] || missing+=(chromium-headless-shell)
dpkg -s fonts-nanum >/dev/null 2>&1 || missing+=(fonts-nanum)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# The e2e tests serve the built site with the production server, Debian's nginx (deploy/nginx.conf).
# In Debian 12 the "nginx" package holds the binary; nginx-light only adds the echo module.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "브라우저 테스트에 필요한 패키지가 없습니다: sudo apt-get install -y ${missing[*]} 로 설치한 뒤 다시 실행하세요." >&2
  exit 1
fi
echo "Installing Debian packages for the browser tests: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
"$chromium_path" --version
