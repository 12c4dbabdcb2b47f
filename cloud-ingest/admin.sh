#!/usr/bin/env bash
# Administration of cloud-ingest's metadata database: cloud-ingest/admin.sh VERB …
# Runs the ingest binary's `admin` verb with the service's configuration (appsettings.json, then environment variables
# such as Metadata__Provider and Metadata__ConnectionString). Tokens and enrolment codes are printed once on stdout;
# notes and errors go to stderr; bad input exits 1. Verbs: migrate; operator create ID; patient create ID [--condition C];
# care-team create ID NAME; care-team assign TEAM PATIENT; therapist create ID --care-team T; gateway create ID
# --patient P; gateway code ID; gateway revoke ID; device add GATEWAY DEVICE [--kind K]; device remove GATEWAY DEVICE.
# See docs/enrolment.md.
set -euo pipefail

src="${BASH_SOURCE[0]}"
[[ "$src" == */* ]] || src="./$src"
here="$(cd "${src%/*}" && pwd)"
project="$here/Telehealth.Ingest/Telehealth.Ingest.csproj"
dll="$here/Telehealth.Ingest/bin/Release/net10.0/Telehealth.Ingest.dll"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH; install .NET 10 (see global.json)" >&2
  exit 1
fi

if [[ ! -f "$dll" ]] || [[ -n "$(find "$here" \( -name '*.cs' -o -name '*.csproj' -o -name '*.sql' \) -newer "$dll" \
  -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]]; then
  if ! build_log="$(dotnet build "$project" -c Release -v q -nologo 2>&1)"; then
    echo "$build_log" >&2
    echo "error: building the ingest failed" >&2
    exit 1
  fi
fi

exec dotnet "$dll" admin "$@"
