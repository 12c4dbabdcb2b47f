#!/usr/bin/env bash
# Enrols this gateway: gateway/enrol.sh --ingest-url URL --gateway-id ID --code CODE --secret-file PATH
# Exchanges the one-time code for the gateway's secret and writes it atomically with mode 0600 (exit 0), or prints
# "error: ..." on stderr (exit 1). See docs/enrolment.md.
set -euo pipefail

src="${BASH_SOURCE[0]}"
[[ "$src" == */* ]] || src="./$src"
here="$(cd "${src%/*}" && pwd)"
repo="$(cd "$here/.." && pwd)"
project="$repo/gateway/Telehealth.Gateway/Telehealth.Gateway.csproj"
dll="$repo/gateway/Telehealth.Gateway/bin/Release/net10.0/Telehealth.Gateway.dll"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH; install .NET 10 (see global.json)" >&2
  exit 1
fi

if [[ ! -f "$dll" ]] || [[ -n "$(find "$repo/gateway" "$repo/cloud-ingest/Telehealth.Ingest.Contracts" \
  \( -name '*.cs' -o -name '*.csproj' \) -newer "$dll" -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]]; then
  if ! build_log="$(dotnet build "$project" -c Release -v q -nologo 2>&1)"; then
    echo "$build_log" >&2
    echo "error: building the gateway failed" >&2
    exit 1
  fi
fi

exec dotnet "$dll" enrol "$@"
