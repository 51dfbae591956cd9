#!/usr/bin/env bash
# npm tools the tests need (adaptivecards for the Cards tests, teams-bot-protocol.md §6.8; @microsoft/app-manifest
# for the Teams manifest's JSON schemas in the Manifest tests), installed into
# .test-tools/node from the committed package.json + package-lock.json. Skipped when the installed lock matches.
set -euo pipefail
cd "$(dirname "$0")/../.."

source_dir=scripts/test-setup/node
target=.test-tools/node
stamp="$target/.installed-lock.sha256"
wanted=$(sha256sum "$source_dir/package.json" "$source_dir/package-lock.json" | sha256sum | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && [ -d "$target/node_modules/adaptivecards" ] \
  && [ -d "$target/node_modules/@microsoft/app-manifest/build/json-schemas/teams" ]; then
  exit 0
fi

command -v npm >/dev/null || { echo "20-npm-tools: npm is missing; install Node.js 20 or later" >&2; exit 1; }
mkdir -p "$target"
cp "$source_dir/package.json" "$source_dir/package-lock.json" "$target/"
echo "20-npm-tools: installing npm tools into $target"
(cd "$target" && npm ci --no-audit --no-fund --loglevel=error)
echo "$wanted" > "$stamp"
