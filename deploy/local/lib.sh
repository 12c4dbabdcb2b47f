# Shared helpers for deploy/local/up.sh, tests/run.sh and simulators/*.sh. Source it; do not run it.
# Everything runs on loopback, on free ports, with data in a temp dir; every process started is stopped on exit.

TH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TH_PIDS=()

th_log() { printf '%s\n' "$*" >&2; }

# Installs the Debian packages we need when a command or module is missing (apt-get; root or sudo).
th_ensure_packages() {
  local missing=()
  command -v influxd >/dev/null 2>&1 || missing+=(influxdb)
  command -v influx >/dev/null 2>&1 || missing+=(influxdb-client)
  command -v victoria-metrics >/dev/null 2>&1 || missing+=(victoria-metrics)
  command -v mosquitto >/dev/null 2>&1 || missing+=(mosquitto)
  command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus)
  /usr/bin/python3 -c 'import dbusmock' >/dev/null 2>&1 || missing+=(python3-dbusmock)
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
  if [ "${#missing[@]}" -eq 0 ]; then return 0; fi
  th_log "installing with apt: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

th_require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { th_log "error: the .NET 10 SDK is required (dotnet not found on PATH)"; exit 1; }
}

th_free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# th_wait_http URL SECONDS: waits until URL answers 2xx.
th_wait_http() {
  local url="$1" seconds="${2:-60}" i
  for ((i = 0; i < seconds * 10; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  th_log "error: $url did not answer within ${seconds}s"
  return 1
}

# th_start NAME LOGFILE CMD...: starts a background process and remembers its pid for th_stop_all.
th_start() {
  local name="$1" log="$2"; shift 2
  "$@" >"$log" 2>&1 &
  TH_PIDS+=("$!")
  eval "TH_PID_${name//-/_}=$!"
}

th_stop_all() {
  local pid
  for pid in "${TH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${TH_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  TH_PIDS=()
}

# th_start_influxd DIR: writes a loopback-only config into DIR and starts influxd 1.x; sets TH_INFLUX_URL.
th_start_influxd() {
  local dir="$1" http rpc
  http="$(th_free_port)"; rpc="$(th_free_port)"
  mkdir -p "$dir/meta" "$dir/data" "$dir/wal"
  cat >"$dir/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc"
[meta]
  dir = "$dir/meta"
[data]
  dir = "$dir/data"
  wal-dir = "$dir/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$http"
  auth-enabled = false
  log-enabled = false
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
CONF
  th_start influxd "$dir/influxd.log" influxd -config "$dir/influxdb.conf"
  TH_INFLUX_URL="http://127.0.0.1:$http"
  local i
  for ((i = 0; i < 300; i++)); do
    if curl -fsS -o /dev/null "$TH_INFLUX_URL/ping" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  th_log "error: influxd did not start; see $dir/influxd.log"
  return 1
}

# th_influx_query DB QUERY: InfluxQL over HTTP, JSON out.
th_influx_query() {
  curl -fsS -G "$TH_INFLUX_URL/query" --data-urlencode "db=$1" --data-urlencode "epoch=ms" --data-urlencode "q=$2"
}

# th_influx_count DB: number of points (one per reading) in all measurements of DB.
th_influx_count() {
  th_influx_query "$1" 'SELECT count("received_ms") FROM /.*/' | /usr/bin/python3 -c '
import json, sys
total = 0
for result in json.load(sys.stdin).get("results", []):
    for series in result.get("series", []):
        for row in series["values"]:
            total += row[1] or 0
print(total)'
}

# th_random_hex BYTES: a random secret as hex.
th_random_hex() { head -c "${1:-24}" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# th_enrol_devices PASSWORD_PREFIX DEVICE_ID…: prints, one a line, the gateway environment (Devices__Mqtt__N__Id,
# Devices__Mqtt__N__PasswordSha256) that enrols each device with the password PASSWORD_PREFIX<device id>, as the simulator's
# --password-prefix logs in. Use: mapfile -t enrol < <(th_enrol_devices "$prefix" dev-1 dev-2); env "${enrol[@]}" …
th_enrol_devices() {
  local prefix="$1" n=0 id; shift
  for id in "$@"; do
    printf 'Devices__Mqtt__%d__Id=%s\n' "$n" "$id"
    printf 'Devices__Mqtt__%d__PasswordSha256=%s\n' "$n" "$(printf '%s' "$prefix$id" | sha256sum | cut -d' ' -f1)"
    n=$((n + 1))
  done
}

# th_seed_devices INDEX DEVICE_ID…: prints, one a line, the ingest environment (Gateways__Known__INDEX__Devices__N) that
# enrols each device on the ingest's seed gateway INDEX, so that its readings are accepted (see docs/enrolment.md).
th_seed_devices() {
  local index="$1" n=0 id; shift
  for id in "$@"; do
    printf 'Gateways__Known__%d__Devices__%d=%s\n' "$index" "$n" "$id"
    n=$((n + 1))
  done
}

# th_build [PROJECT…]: Release build of the programs the scripts run (default: gateway, ingest, simulators).
th_build() {
  th_require_dotnet
  local projects=("$@") p
  [ "${#projects[@]}" -gt 0 ] || projects=(gateway/Telehealth.Gateway cloud-ingest/Telehealth.Ingest simulators/Telehealth.Simulators)
  th_log "building (Release): ${projects[*]}"
  for p in "${projects[@]}"; do
    dotnet build "$TH_ROOT/$p" -c Release -nologo -v q "-clp:ErrorsOnly;NoSummary" >&2 || { th_log "error: build of $p failed"; exit 1; }
  done
}

# th_start_stack DIR [GATEWAY_ENV…]: influxd + ingest + one gateway (gw-1 for patient-bench), all on free ports.
# The gateway requires device credentials: enrol the devices through GATEWAY_ENV (th_enrol_devices).
# Sets TH_INFLUX_URL, TH_DB, TH_PATIENT, TH_MQTT_PORT, TH_STATUS_URL, TH_INGEST_URL, TH_GATEWAY_DIR.
th_start_stack() {
  local dir="$1"; shift
  local bin_gateway="$TH_ROOT/gateway/Telehealth.Gateway/bin/Release/net10.0/Telehealth.Gateway.dll"
  local bin_ingest="$TH_ROOT/cloud-ingest/Telehealth.Ingest/bin/Release/net10.0/Telehealth.Ingest.dll"
  TH_DB=telehealth; TH_PATIENT=patient-bench
  th_start_influxd "$dir/influxdb"
  curl -fsS -XPOST "$TH_INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE $TH_DB" >/dev/null
  local secret ingest_port status_port
  secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  printf '%s' "$secret" >"$dir/gateway.secret"; chmod 600 "$dir/gateway.secret"
  ingest_port="$(th_free_port)"; TH_MQTT_PORT="$(th_free_port)"; status_port="$(th_free_port)"
  TH_INGEST_URL="http://127.0.0.1:$ingest_port"; TH_STATUS_URL="http://127.0.0.1:$status_port/status"
  # the devices the gateway lets in (Devices__Mqtt__N__Id=…) are enrolled on the ingest's gateway too
  local arg devices=()
  for arg in "$@"; do [[ "$arg" =~ ^Devices__Mqtt__[0-9]+__Id=(.+)$ ]] && devices+=("${BASH_REMATCH[1]}"); done
  local seed=(); mapfile -t seed < <(th_seed_devices 0 "${devices[@]}")
  th_start ingest "$dir/ingest.log" env Urls="$TH_INGEST_URL" Influx__ApiVersion=V1 Influx__Url="$TH_INFLUX_URL" \
    Influx__Database="$TH_DB" Metadata__ConnectionString="Data Source=$dir/metadata.db" Gateways__Known__0__Id=gw-1 Gateways__Known__0__PatientId="$TH_PATIENT" \
    Gateways__Known__0__SecretSha256="$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)" "${seed[@]}" Logging__LogLevel__Default=Warning \
    dotnet "$bin_ingest"
  th_wait_http "$TH_INGEST_URL/healthz" 60
  TH_GATEWAY_DIR="$dir/gateway"; mkdir -p "$TH_GATEWAY_DIR"
  th_start gateway "$dir/gateway.log" env Urls="http://127.0.0.1:$status_port" Gateway__Id=gw-1 Gateway__PatientId="$TH_PATIENT" \
    Mqtt__Port="$TH_MQTT_PORT" Buffer__Path="$TH_GATEWAY_DIR/buffer.db" Forwarder__IngestUrl="$TH_INGEST_URL" \
    Forwarder__SecretFile="$dir/gateway.secret" Logging__LogLevel__Default=Warning "$@" dotnet "$bin_gateway"
  th_wait_http "$TH_STATUS_URL" 60
}

# th_start_backend DIR GATEWAY_ID PATIENT [DEVICE_ID…]: influxd + ingest (no gateway), on free ports, knowing one gateway
# bound to PATIENT with the devices DEVICE_ID… enrolled, whose secret is written to DIR/gateway.secret. For scripts that run the gateway themselves (simulators/chaos.sh);
# they enrol their devices on it themselves (Devices__Mqtt__N__…; chaos-kill9 does it for its devices).
# Sets TH_INFLUX_URL, TH_DB, TH_PATIENT, TH_INGEST_URL, TH_SECRET_FILE.
th_start_backend() {
  local dir="$1" gateway_id="$2"
  local bin_ingest="$TH_ROOT/cloud-ingest/Telehealth.Ingest/bin/${TH_CONFIGURATION:-Release}/net10.0/Telehealth.Ingest.dll"
  TH_DB=telehealth; TH_PATIENT="$3"
  shift 3
  local seed=(); mapfile -t seed < <(th_seed_devices 0 "$@")
  th_start_influxd "$dir/influxdb"
  curl -fsS -XPOST "$TH_INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE $TH_DB" >/dev/null
  local secret ingest_port
  secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  TH_SECRET_FILE="$dir/gateway.secret"
  printf '%s' "$secret" >"$TH_SECRET_FILE"; chmod 600 "$TH_SECRET_FILE"
  ingest_port="$(th_free_port)"
  TH_INGEST_URL="http://127.0.0.1:$ingest_port"
  th_start ingest "$dir/ingest.log" env Urls="$TH_INGEST_URL" Influx__ApiVersion=V1 Influx__Url="$TH_INFLUX_URL" \
    Influx__Database="$TH_DB" Metadata__ConnectionString="Data Source=$dir/metadata.db" Gateways__Known__0__Id="$gateway_id" Gateways__Known__0__PatientId="$TH_PATIENT" \
    Gateways__Known__0__SecretSha256="$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)" "${seed[@]}" Logging__LogLevel__Default=Warning \
    dotnet "$bin_ingest"
  th_wait_http "$TH_INGEST_URL/healthz" 60
}

# ── The home-kit demo: wired sensors on simulated I2C/GPIO buses and BLE devices on dbusmock (docs/sensors.md) ──

# th_duration_seconds D: 30s, 2m, 1h or a bare number of seconds → whole seconds (empty for empty).
th_duration_seconds() {
  local d="$1"
  case "$d" in
    "") echo "" ;;
    *s) echo "${d%s}" ;;
    *m) echo "$(( ${d%m} * 60 ))" ;;
    *h) echo "$(( ${d%h} * 3600 ))" ;;
    *) echo "$d" ;;
  esac
}

# th_start_ble_demo DIR [SECONDS]: a private dbus-daemon with python-dbusmock's bluez5 template and the demo BLE
# devices (simulators/ble/bluez-demo-devices.py: a heart-rate strap and a thermometer that notify for SECONDS, and
# one device that is not enrolled). Sets TH_BLE_BUS (the bus address for Ble__BusAddress) and TH_BLE_OUT (the device
# script's output; its last line is notified=N). Returns 1, after a log line, when dbus-daemon or dbusmock is missing.
th_start_ble_demo() {
  local dir="$1" seconds="${2:-}" i
  if ! command -v dbus-daemon >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import dbusmock' >/dev/null 2>&1; then
    th_log "BLE demo skipped: dbus-daemon or python3-dbusmock is missing (apt-get install dbus python3-dbusmock)"
    return 1
  fi
  mkdir -p "$dir"
  TH_BLE_BUS="unix:path=$dir/bus.sock"; TH_BLE_OUT="$dir/devices.out"
  th_start ble_bus "$dir/dbus-daemon.log" dbus-daemon --session "--address=$TH_BLE_BUS" --nofork --print-address=1
  for ((i = 0; i < 100; i++)); do [ -S "$dir/bus.sock" ] && break; sleep 0.1; done
  [ -S "$dir/bus.sock" ] || { th_log "BLE demo skipped: dbus-daemon did not start (see $dir/dbus-daemon.log)"; return 1; }
  th_start ble_mock "$dir/bluez-mock.log" env DBUS_SYSTEM_BUS_ADDRESS="$TH_BLE_BUS" /usr/bin/python3 -m dbusmock --system --template bluez5
  local args=("$TH_BLE_BUS"); [ -n "$seconds" ] && args+=(--duration "$seconds")
  th_start ble_devices "$TH_BLE_OUT" /usr/bin/python3 "$TH_ROOT/simulators/ble/bluez-demo-devices.py" "${args[@]}"
}

# The device ids of th_home_kit_env's kit (wired and BLE): the ingest must have them enrolled on citizen 1's gateway.
TH_HOME_KIT_DEVICES=(knee-imu forehead-ir finger-ox grip-right session-button session-led buzzer hr-strap ble-thermometer)

# th_home_kit_env [BLE_BUS] [SECONDS]: prints, one a line, the environment of the demo gateway
# (simulators/Telehealth.GatewayDemo) for a citizen's home kit: knee IMU, forehead thermometer and finger pulse
# oximeter on I2C; grip dynamometer, session button, LED and buzzer on GPIO; the scripted exercise (one cycle per
# ~16 s, stopping after SECONDS); and, with BLE_BUS, the demo's BLE strap and thermometer enrolled.
th_home_kit_env() {
  local ble_bus="${1:-}" seconds="${2:-}"
  printf '%s\n' \
    Devices__I2c__0__Id=knee-imu Devices__I2c__0__Kind=Mpu6050 Devices__I2c__0__Address=0x68 \
    Devices__I2c__1__Id=forehead-ir Devices__I2c__1__Kind=Mlx90614 Devices__I2c__1__Address=0x5A \
    Devices__I2c__2__Id=finger-ox Devices__I2c__2__Kind=Max30102 Devices__I2c__2__Address=0x57 \
    Devices__Gpio__0__Id=grip-right Devices__Gpio__0__Kind=Hx711 Devices__Gpio__0__DataPin=5 Devices__Gpio__0__ClockPin=6 \
    Devices__Gpio__1__Id=session-button Devices__Gpio__1__Kind=SessionButton Devices__Gpio__1__Pin=17 \
    Devices__Gpio__2__Id=session-led Devices__Gpio__2__Kind=Led Devices__Gpio__2__Pin=27 \
    Devices__Gpio__3__Id=buzzer Devices__Gpio__3__Kind=Buzzer Devices__Gpio__3__Pin=22 \
    Simulation__KneeRepetitions=6 Simulation__KneeCadencePerMin=30 Simulation__PauseSeconds=3
  [ -n "$seconds" ] && echo "Simulation__DurationSeconds=$seconds"
  if [ -n "$ble_bus" ]; then
    printf '%s\n' "Ble__BusAddress=$ble_bus" Ble__ReconnectInitialDelay=00:00:00.5 \
      Ble__Devices__0__Id=hr-strap Ble__Devices__0__Address=AA:BB:CC:DD:EE:01 \
      Ble__Devices__1__Id=ble-thermometer Ble__Devices__1__Address=AA:BB:CC:DD:EE:02
  fi
}

# th_kit_totals STATUS_URL: prints "WIRED BLE" — readings the gateway committed from its wired sensors (their
# readings and session features) and from BLE devices, from /status adapters (0 0 when it does not answer).
th_kit_totals() {
  /usr/bin/python3 - "$1" <<'PY'
import json, sys, urllib.request
try:
    a = json.load(urllib.request.urlopen(sys.argv[1], timeout=2))["adapters"]
    print(a["sensors"]["readingsAppended"], a["ble"]["readingsStored"])
except Exception:
    print(0, 0)
PY
}
