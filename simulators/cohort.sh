#!/usr/bin/env bash
# Simulated cohort: evaluate the relapse-alert rules on seeded citizens (docs/alert-rules.md).
#   simulators/cohort.sh evaluate --patients 200 --seed 42 [--days 365] [--lookahead 14] [--threads N]
#   simulators/cohort.sh trace --patient 0 --seed 42 [--days 365]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/simulators/Telehealth.Cohort"
# Build output goes to stderr so the last stdout line stays the summary.
dotnet build "$project/Telehealth.Cohort.csproj" -c Release --nologo -v q 1>&2
exec dotnet "$project/bin/Release/net10.0/telehealth-cohort.dll" "$@"
