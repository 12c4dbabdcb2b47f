#!/usr/bin/env bash
# Fault tests: the real programs, a real fault, a fixed last line checked from outside; exit code 0 = guarantee kept.
#   simulators/chaos.sh kill9 [--cycles N] [--seed S] [more options: dotnet telehealth-sim.dll chaos-kill9 --help]
#       devices publish QoS 1 readings (MQTT 5 and 3.1.1, some batched) while the real gateway process is killed with
#       SIGKILL and restarted N times at seeded random moments (influxd and the ingest stay up); then the devices stop,
#       the gateway starts a last time and drains its buffer, and its buffer file gets PRAGMA integrity_check.
#       acked      = distinct samples (metric, device, device time) the gateway acknowledged with a PUBACK
#       stored     = acknowledged samples found in InfluxDB (measurement, device tag, ms timestamp) with equal values
#       lost       = acked - stored
#       duplicates = points of the chaos patient in InfluxDB - distinct published samples that have a matching point
#                    (a second point for one sample, or a point that matches no published sample)
#       last line: acked=N stored=N lost=N duplicates=N   (exit 0 only when lost=0, duplicates=0 and integrity=ok)
# Environment: TH_SKIP_BUILD=1 uses the existing outputs (tests/run.sh has built them); TH_CONFIGURATION=Release|Debug
# picks the outputs (default Release); TH_KEEP=1 keeps the run's temp dir (kept anyway when the run fails).
set -euo pipefail
source "$(dirname "$0")/../deploy/local/lib.sh"

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; }
[ $# -ge 1 ] || { usage; exit 2; }
what="$1"; shift

th_require_dotnet
th_ensure_packages
if [ "${TH_SKIP_BUILD:-0}" != 1 ]; then th_build; fi
configuration="${TH_CONFIGURATION:-Release}"
sim="$TH_ROOT/simulators/Telehealth.Simulators/bin/$configuration/net10.0/telehealth-sim.dll"
gateway_dll="$TH_ROOT/gateway/Telehealth.Gateway/bin/$configuration/net10.0/Telehealth.Gateway.dll"
for dll in "$sim" "$gateway_dll" "$TH_ROOT/cloud-ingest/Telehealth.Ingest/bin/$configuration/net10.0/Telehealth.Ingest.dll"; do
  [ -f "$dll" ] || { th_log "error: $dll is not built (run without TH_SKIP_BUILD, or dotnet build -c $configuration)"; exit 1; }
done

run="$(mktemp -d -t telehealth-chaos-XXXXXX)"
status=1
cleanup() {
  # the chaos run's own gateway, by the pid it recorded (present only while that gateway runs)
  if [ -n "${sim_pid:-}" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  if [ -f "$run/chaos/gateway.pid" ]; then kill -KILL "$(cat "$run/chaos/gateway.pid")" 2>/dev/null || true; fi
  th_stop_all
  if [ "$status" -eq 0 ] && [ "${TH_KEEP:-0}" != 1 ]; then rm -rf "$run"; else th_log "logs and data kept in $run"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

case "$what" in
  kill9)
    # enrol the devices chaos-kill9 publishes as (chaos-1…chaos-N, N from --devices, default 6) on the ingest's gateway
    devices=6; prev=""
    for a in "$@"; do [ "$prev" = --devices ] && devices="$a"; prev="$a"; done
    [[ "$devices" =~ ^[1-9][0-9]*$ ]] || { echo "error: --devices must be a positive whole number" >&2; exit 2; }
    th_start_backend "$run" gw-chaos patient-chaos $(seq -f 'chaos-%g' 1 "$devices")
    th_log "influxd and ingest up; starting the kill -9 run…"
    dotnet "$sim" chaos-kill9 --gateway-dll "$gateway_dll" --dir "$run/chaos" --ingest-url "$TH_INGEST_URL" \
      --secret-file "$TH_SECRET_FILE" --gateway-id gw-chaos --patient "$TH_PATIENT" --influx "$TH_INFLUX_URL" --db "$TH_DB" "$@" &
    sim_pid=$!
    set +e; wait "$sim_pid"; status=$?; set -e
    sim_pid=""
    exit "$status"
    ;;
  *) echo "error: unknown fault test '$what'" >&2; usage; exit 2 ;;
esac
