#!/usr/bin/env bash
# Benchmarks (not tests): they print their figures; the last line of each is fixed, since it is checked from outside.
#   simulators/bench.sh e2e [--readings N] [--devices N] [--samples-per-message K] [--rate R]
#       the whole pipeline (devices → gateway broker → SQLite → forwarder → ingest → influxd), publish → queryable.
#       last line: readings=N seconds=S readings_per_s=R p50_ms=A p99_ms=B
set -euo pipefail
source "$(dirname "$0")/../deploy/local/lib.sh"

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; }
[ $# -ge 1 ] || { usage; exit 2; }
what="$1"; shift

th_require_dotnet
th_ensure_packages
th_build
sim="$TH_ROOT/simulators/Telehealth.Simulators/bin/Release/net10.0/telehealth-sim.dll"
run="$(mktemp -d -t telehealth-bench-XXXXXX)"
trap 'th_stop_all; rm -rf "$run"' EXIT
trap 'exit 130' INT TERM

case "$what" in
  e2e)
    th_start_stack "$run"
    th_log "pipeline up; publishing…"
    dotnet "$sim" bench-e2e --broker "127.0.0.1:$TH_MQTT_PORT" --influx "$TH_INFLUX_URL" --db "$TH_DB" --patient "$TH_PATIENT" "$@"
    ;;
  *) echo "error: unknown benchmark '$what'" >&2; usage; exit 2 ;;
esac
