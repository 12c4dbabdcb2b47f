#!/usr/bin/env bash
# Runs one verb of the gateway program: gateway/cli.sh <verb> [args...] (used by decode.sh and enrol.sh).
# Builds the gateway first (Release) when it is missing or older than its sources; a failed build prints its log.
set -euo pipefail

src="${BASH_SOURCE[0]}"
[[ "$src" == */* ]] || src="./$src"
here="$(cd "${src%/*}" && pwd)"
repo="$(cd "$here/.." && pwd)"
project="$repo/gateway/Telehealth.Gateway/Telehealth.Gateway.csproj"
dll="$repo/gateway/Telehealth.Gateway/bin/Release/net10.0/Telehealth.Gateway.dll"

if [[ $# -lt 1 ]]; then
  echo "error: usage: gateway/cli.sh <verb> [args...]" >&2
  exit 1
fi

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

exec dotnet "$dll" "$@"
