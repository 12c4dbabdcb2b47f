#!/usr/bin/env bash
# Enrols this gateway: gateway/enrol.sh --ingest-url URL --gateway-id ID --code CODE --secret-file PATH
# Exchanges the one-time code for the gateway's secret and writes it atomically with mode 0600 (exit 0), or prints
# "error: ..." on stderr (exit 1). See docs/enrolment.md.
set -euo pipefail

src="${BASH_SOURCE[0]}"
[[ "$src" == */* ]] || src="./$src"
exec bash "$(cd "${src%/*}" && pwd)/cli.sh" enrol "$@"
