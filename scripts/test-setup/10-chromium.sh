#!/usr/bin/env bash
# Headless Chromium for the tab's browser tests (Playwright for .NET drives /usr/bin/chromium; its own browser
# download cannot work here). Installed from Debian's packages when missing; needs root or sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

run_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

echo "10-chromium: installing chromium with apt"
run_as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive run_as_root apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
