#!/usr/bin/env bash
# Microsoft 365 Agents Playground (pinned, teams-bot-protocol.md §6) for the end-to-end tests, installed into
# .test-tools/playground from the committed package.json + package-lock.json. Skipped when the installed lock
# matches. Needs only the npm registry: the package bundles its own dependencies and downloads nothing at install.
set -euo pipefail
cd "$(dirname "$0")/../.."

source_dir=scripts/test-setup/playground
target=.test-tools/playground
stamp="$target/.installed-lock.sha256"
wanted=$(sha256sum "$source_dir/package.json" "$source_dir/package-lock.json" | sha256sum | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] \
   && [ -f "$target/node_modules/@microsoft/m365agentsplayground/cli.js" ]; then
  exit 0
fi

command -v npm >/dev/null || { echo "30-playground: npm is missing; install Node.js 20 or later" >&2; exit 1; }
mkdir -p "$target"
cp "$source_dir/package.json" "$source_dir/package-lock.json" "$target/"
echo "30-playground: installing the Agents Playground into $target"
(cd "$target" && npm ci --no-audit --no-fund --loglevel=error)
echo "$wanted" > "$stamp"
