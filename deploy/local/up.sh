#!/usr/bin/env bash
# The main job: the whole pipeline on this machine with simulated devices.
#   influxd (1.x) ← cloud-ingest ← 5 gateways (each with its embedded MQTT broker and SQLite buffer) ← 5 citizens'
#   simulated devices (wearable, pulse oximeter, blood-pressure cuff, scale, step counter). Citizen 1's gateway is the
#   demo gateway (simulators/Telehealth.GatewayDemo: the same gateway with simulated I2C/GPIO buses) with a wired home
#   kit — knee IMU, thermometer, pulse oximeter, grip dynamometer, session button, LED, buzzer — doing a scripted
#   exercise, and, when dbus-daemon and python3-dbusmock are there, BLE devices (heart-rate strap, thermometer) on a
#   private bus with dbusmock's bluez5 template.
# Shows a live status until Ctrl-C, or stops by itself with --duration D (e.g. 30s) and prints as its last line
#   summary: sent=N stored=N rejected=N lost=N
# where sent = readings the gateways acknowledged (MQTT PUBACKs, plus readings committed from the kit's wired and BLE devices), stored = points counted in InfluxDB, rejected = readings refused
# as invalid (dead-lettered with their reason), lost = sent − stored.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

duration=""; citizens=5; rate=2; invalid_every=50
usage() { echo "usage: deploy/local/up.sh [--duration 30s] [--citizens 5] [--rate MSGS_PER_S_PER_DEVICE] [--invalid-every N]" >&2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="${2:?--duration needs a value like 30s}"; shift 2 ;;
    --citizens) citizens="${2:?}"; shift 2 ;;
    --rate) rate="${2:?}"; shift 2 ;;
    --invalid-every) invalid_every="${2:?}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown argument '$1'" >&2; usage; exit 2 ;;
  esac
done
[[ "$citizens" =~ ^[1-9][0-9]*$ ]] || { echo "error: --citizens must be a positive whole number" >&2; exit 2; }

th_require_dotnet
th_ensure_packages
th_build gateway/Telehealth.Gateway cloud-ingest/Telehealth.Ingest simulators/Telehealth.Simulators simulators/Telehealth.GatewayDemo

run="$(mktemp -d -t telehealth-up-XXXXXX)"
th_log "logs and data in $run (kept after the run)"
# the summary (--duration) is the last line, also on a terminal that shows stderr: nothing is printed after it
cleanup() { th_stop_all; [ -n "${summary_printed:-}" ] || th_log "logs and data kept in $run"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

th_start_influxd "$run/influxdb"
db=telehealth
curl -fsS -XPOST "$TH_INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE $db" >/dev/null

bin() { echo "$TH_ROOT/$1/bin/Release/net10.0/$2"; }
ingest_port="$(th_free_port)"
ingest_env=(Urls="http://127.0.0.1:$ingest_port" Influx__ApiVersion=V1 Influx__Url="$TH_INFLUX_URL" Influx__Database="$db"
            Metadata__ConnectionString="Data Source=$run/metadata.db")
for ((c = 1; c <= citizens; c++)); do
  secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "$secret" >"$run/gw-$c.secret"; chmod 600 "$run/gw-$c.secret"
  ingest_env+=("Gateways__Known__$((c - 1))__Id=gw-$c" "Gateways__Known__$((c - 1))__PatientId=citizen-$c"
               "Gateways__Known__$((c - 1))__SecretSha256=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)")
  kit_devices=(); if [ "$c" -eq 1 ]; then kit_devices=("${TH_HOME_KIT_DEVICES[@]}"); fi
  mapfile -t seed < <(th_seed_devices "$((c - 1))" "citizen-$c-1" "citizen-$c-2" "citizen-$c-3" "citizen-$c-4" "citizen-$c-5" "${kit_devices[@]}")
  ingest_env+=("${seed[@]}")
done
th_start ingest "$run/ingest.log" env "${ingest_env[@]}" dotnet "$(bin cloud-ingest/Telehealth.Ingest Telehealth.Ingest.dll)"
th_wait_http "http://127.0.0.1:$ingest_port/healthz" 60

# citizen 1's home kit: wired sensors on the demo gateway's simulated buses, BLE devices on dbusmock (lib.sh)
kit_seconds="$(th_duration_seconds "$duration")"; ble_bus=""
if th_start_ble_demo "$run/ble" "$kit_seconds"; then ble_bus="$TH_BLE_BUS"; fi
mapfile -t kit_env < <(th_home_kit_env "$ble_bus" "$kit_seconds")

# every device logs in with its own password (a random per-run prefix + its id); each gateway enrols its citizen's 5 devices
password_prefix="$(th_random_hex 12)-"
status_ports=(); mqtt_ports=()
for ((c = 1; c <= citizens; c++)); do
  mqtt_ports[c]="$(th_free_port)"; status_ports[c]="$(th_free_port)"
  mkdir -p "$run/gw-$c"
  mapfile -t enrol < <(th_enrol_devices "$password_prefix" "citizen-$c-1" "citizen-$c-2" "citizen-$c-3" "citizen-$c-4" "citizen-$c-5")
  gw_dll="$(bin gateway/Telehealth.Gateway Telehealth.Gateway.dll)"; gw_kit=()
  if [ "$c" -eq 1 ]; then gw_dll="$(bin simulators/Telehealth.GatewayDemo telehealth-gateway-demo.dll)"; gw_kit=("${kit_env[@]}"); fi
  th_start "gw_$c" "$run/gw-$c/gateway.log" env "${enrol[@]}" "${gw_kit[@]}" Urls="http://127.0.0.1:${status_ports[c]}" Gateway__Id="gw-$c" \
    Gateway__PatientId="citizen-$c" Mqtt__Port="${mqtt_ports[c]}" Buffer__Path="$run/gw-$c/buffer.db" \
    Forwarder__IngestUrl="http://127.0.0.1:$ingest_port" Forwarder__SecretFile="$run/gw-$c.secret" \
    dotnet "$gw_dll"
done
for ((c = 1; c <= citizens; c++)); do th_wait_http "http://127.0.0.1:${status_ports[c]}/status" 60; done

sim_args=(--devices 5 --kinds wearable,oximeter,bp,scale,steps --rate "$rate" --invalid-every "$invalid_every")
if [ -n "$duration" ]; then sim_args+=(--duration "$duration"); fi
sim_pids=()
for ((c = 1; c <= citizens; c++)); do
  dotnet "$(bin simulators/Telehealth.Simulators telehealth-sim.dll)" wearables --broker "127.0.0.1:${mqtt_ports[c]}" \
    --device-prefix "citizen-$c-" --password-prefix "$password_prefix" --seed "$c" "${sim_args[@]}" >"$run/sim-$c.out" 2>"$run/sim-$c.err" &
  sim_pids+=("$!"); TH_PIDS+=("$!")
done
th_log "pipeline up: $citizens gateways, $((citizens * 5)) MQTT devices + citizen 1's home kit ($([ -n "$ble_bus" ] && echo "7 wired, 2 BLE" || echo "7 wired, BLE skipped")); ingest on :$ingest_port, influxd at $TH_INFLUX_URL; data in $run"

# Sums the gateways' /status counters: received, buffered, and readings the ingest rejected.
gateway_totals() {
  local c urls=()
  for ((c = 1; c <= citizens; c++)); do urls+=("http://127.0.0.1:${status_ports[c]}/status"); done
  /usr/bin/python3 - "${urls[@]}" <<'PY'
import json, sys, urllib.request
received = buffered = rejected = 0
for url in sys.argv[1:]:
    try:
        s = json.load(urllib.request.urlopen(url, timeout=2))
    except Exception:
        continue
    received += s["readingsAccepted"]; buffered += s["buffer"]["readings"]
    rejected += s["readingsRejectedByIngest"]
print(received, buffered, rejected)
PY
}

interactive=0; [ -t 2 ] && interactive=1
show_status() {
  local received buffered rejected stored
  read -r received buffered rejected < <(gateway_totals)
  stored="$(th_influx_count "$db")"
  local invalid=0 c
  for ((c = 1; c <= citizens; c++)); do
    [[ "$(tail -n 1 "$run/sim-$c.err" 2>/dev/null)" =~ invalid=([0-9]+) ]] && invalid=$((invalid + BASH_REMATCH[1]))
  done
  local wired ble; read -r wired ble < <(th_kit_totals "http://127.0.0.1:${status_ports[1]}/status")
  local line="published=$received wired=$wired ble=$ble buffered=$buffered stored=$stored rejected=$((rejected + invalid))"
  if [ "$interactive" -eq 1 ]; then printf '\r\033[2K%s' "$line" >&2; else echo "$line" >&2; fi
}

sims_running() { local p; for p in "${sim_pids[@]}"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
every=1; [ "$interactive" -eq 1 ] || every=5
while sims_running; do show_status; sleep "$every"; done
[ "$interactive" -eq 1 ] && echo >&2

# The devices have stopped: let the gateways drain their buffers into InfluxDB.
for ((i = 0; i < 600; i++)); do
  read -r _ buffered _ < <(gateway_totals)
  [ "$buffered" -eq 0 ] && break
  sleep 0.1
done
# The home kit stops by itself at the duration: wait until its counts stand still and the buffers are empty again.
kit_last=""
for ((i = 0; i < 60; i++)); do
  kit_now="$(th_kit_totals "http://127.0.0.1:${status_ports[1]}/status")"; read -r _ buffered _ < <(gateway_totals)
  [ "$kit_now" = "$kit_last" ] && [ "$buffered" -eq 0 ] && break
  kit_last="$kit_now"; sleep 1
done
sleep 0.5

sent=0; invalid=0
for ((c = 1; c <= citizens; c++)); do
  last="$(tail -n 1 "$run/sim-$c.out")"
  [[ "$last" =~ acked=([0-9]+)\ invalid=([0-9]+) ]] || { th_log "error: simulator $c ended without a summary; see $run/sim-$c.err"; exit 1; }
  sent=$((sent + BASH_REMATCH[1])); invalid=$((invalid + BASH_REMATCH[2]))
done
read -r _ buffered ingest_rejected < <(gateway_totals)
read -r kit_wired kit_ble < <(th_kit_totals "http://127.0.0.1:${status_ports[1]}/status")
th_log "home kit: wired=$kit_wired ble=$kit_ble readings committed by gw-1 ($(tail -n 1 "${TH_BLE_OUT:-/dev/null}" 2>/dev/null || true))"
sent=$((sent + kit_wired + kit_ble))
stored="$(th_influx_count "$db")"
th_stop_all
summary_printed=1
echo "summary: sent=$sent stored=$stored rejected=$((invalid + ingest_rejected)) lost=$((sent - stored))"
