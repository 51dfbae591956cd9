#!/usr/bin/env bash
# All tests: installs what the tests need when it is missing, then runs every test project in the solution.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Audit]
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Tools the test projects need beyond the .NET SDK are installed here as they arrive
# (Chromium for the tab, npm tools for cards and the manifest); each step is skipped when present.
for step in scripts/test-setup/*.sh; do
  [ -e "$step" ] && bash "$step"
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Norddjurs.TeamsRisk.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line for CI: "N passed, N failed, N skipped".
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  { f += $(i+1) }
         if ($i == "Passed:")  { p += $(i+1) }
         if ($i == "Skipped:") { s += $(i+1) }
       }
     }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
