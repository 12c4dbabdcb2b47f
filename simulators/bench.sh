#!/usr/bin/env bash
# Benchmarks (not tests): they print their figures; the last line of each is fixed, since it is checked from outside.
#   simulators/bench.sh e2e [--readings N] [--devices N] [--samples-per-message K] [--rate R]
#       the whole pipeline (devices → gateway broker → SQLite → forwarder → ingest → influxd), publish → queryable.
#       last line: readings=N seconds=S readings_per_s=R p50_ms=A p99_ms=B
#   simulators/bench.sh ingest [--points N] [--batch B] [--warm-up-points W]
#       8 simulated gateways POST gzip batches (as the forwarder sends them) to the ingest writing to influxd, then the
#       same points as raw line protocol straight to influxd, same concurrency and batch size (3,000,000 points per phase
#       by default, ~1 min; bodies made before the clocks start; warm-up until the ingest's JIT is idle; each phase on
#       quiet servers); both counted in InfluxDB; CPU per 1000 points of bench, ingest and influxd printed per phase.
#       last line: ingest_points_per_s=A raw_influx_points_per_s=B ratio=A/B p99_batch_ms=C
#   simulators/bench.sh buffer [--devices N] [--window 10s] [--backlog N] [--live-rate R] …
#       the gateway's durable buffer against its ceilings, all measured in this run (1.5–2.5 min; docs/benchmarks.md):
#       A: real gateway process, forwarder off, synchronous=FULL, 50 devices × 1 reading/message (QoS 1, PUBACK);
#       B: MQTTnet broker with a no-op handler, same load; C: like A with 10 readings/message; D: bare SQLite inserts,
#       100 rows/transaction, FULL; E: drain of a 1,000,000-reading backlog into InfluxDB with live devices publishing;
#       F: the gateway processes' peak RSS. The gateways run with deploy/systemd/telehealth-gateway.service's
#       DOTNET_*/MALLOC_* runtime settings (as deployed).
#       last line: durable_per_s=A broker_ceiling_per_s=B ratio_broker=A/B batched_per_s=C sqlite_ceiling_per_s=D ratio_sqlite=C/D drain_per_s=E rss_mb=F
#   simulators/bench.sh alert-latency [--crossings N] [--timeout-seconds S]
#       influxd, the ingest and two gateways: one carries a background load (6 simulated devices — heart rate, SpO2,
#       blood pressure, weight, steps — at 1 message/s each, a COPD patient evaluated on every batch), the other a
#       probe device that publishes systolic 190 mm[Hg]; measured from publish to the new alert visible in
#       GET /api/v1/alerts, resolved through the API before the next crossing (default 30 crossings).
#       last line: p50_ms=A p99_ms=B   (target p99 <= 5000)
set -euo pipefail
source "$(dirname "$0")/../deploy/local/lib.sh"

usage() { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//' >&2; }
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
    # enrol the devices bench-e2e publishes as (bench-1…bench-N, N from --devices, default 10), each with its own password
    devices=10; prev=""
    for a in "$@"; do [ "$prev" = --devices ] && devices="$a"; prev="$a"; done
    [[ "$devices" =~ ^[1-9][0-9]*$ ]] || { echo "error: --devices must be a positive whole number" >&2; exit 2; }
    password_prefix="$(th_random_hex 12)-"
    mapfile -t enrol < <(th_enrol_devices "$password_prefix" $(seq -f 'bench-%g' 1 "$devices"))
    th_start_stack "$run" "${enrol[@]}"
    th_log "pipeline up; publishing…"
    dotnet "$sim" bench-e2e --broker "127.0.0.1:$TH_MQTT_PORT" --influx "$TH_INFLUX_URL" --db "$TH_DB" --patient "$TH_PATIENT" \
      --password-prefix "$password_prefix" "$@"
    ;;
  buffer)
    # influxd + ingest here; the benchmark starts (and stops) its own gateway processes on free ports.
    th_start_influxd "$run/influxdb"
    curl -fsS -XPOST "$TH_INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE telehealth" >/dev/null
    secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    printf '%s' "$secret" >"$run/gateway.secret"; chmod 600 "$run/gateway.secret"
    ingest_url="http://127.0.0.1:$(th_free_port)"
    # the ingest enrols the devices whose readings the bench forwards: fill-1…N (the backlog) and live-1…M
    devices=50; live_devices=50; prev=""
    for a in "$@"; do
      [ "$prev" = --devices ] && devices="$a"; [ "$prev" = --live-devices ] && live_devices="$a"; prev="$a"
    done
    forwarded=(); for ((i = 1; i <= devices; i++)); do forwarded+=("fill-$i"); done
    for ((i = 1; i <= live_devices; i++)); do forwarded+=("live-$i"); done
    mapfile -t seed < <(th_seed_devices 0 "${forwarded[@]}")
    th_start ingest "$run/ingest.log" env Urls="$ingest_url" Influx__ApiVersion=V1 Influx__Url="$TH_INFLUX_URL" \
      Influx__Database=telehealth Metadata__ConnectionString="Data Source=$run/metadata.db" Gateways__Known__0__Id=gw-1 Gateways__Known__0__PatientId=patient-bench \
      Gateways__Known__0__SecretSha256="$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)" "${seed[@]}" Logging__LogLevel__Default=Warning \
      dotnet "$TH_ROOT/cloud-ingest/Telehealth.Ingest/bin/Release/net10.0/Telehealth.Ingest.dll"
    th_wait_http "$ingest_url/healthz" 60
    th_log "influxd and ingest up; benchmarking (logs in $run)…"
    dotnet "$sim" bench-buffer --gateway "$TH_ROOT/gateway/Telehealth.Gateway/bin/Release/net10.0/Telehealth.Gateway.dll" \
      --gateway-unit "$TH_ROOT/deploy/systemd/telehealth-gateway.service" \
      --ingest "$ingest_url" --secret-file "$run/gateway.secret" --gateway-id gw-1 --patient patient-bench \
      --influx "$TH_INFLUX_URL" --db telehealth --work "$run/bench" --ingest-pid "$TH_PID_ingest" --influxd-pid "$TH_PID_influxd" "$@"
    ;;
  ingest)
    # influxd + the ingest knowing 8 gateways (rate limit lifted: this measures throughput); the gateways are simulated.
    th_start_influxd "$run/influxdb"
    curl -fsS -XPOST "$TH_INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE telehealth" >/dev/null
    ingest_port="$(th_free_port)"; ingest_env=(Urls="http://127.0.0.1:$ingest_port" Influx__ApiVersion=V1 Influx__Url="$TH_INFLUX_URL"
      Influx__Database=telehealth Metadata__ConnectionString="Data Source=$run/metadata.db" Intake__RequestsPerSecondPerGateway=100000 Intake__BurstPerGateway=100000 Logging__LogLevel__Default=Warning)
    : >"$run/gateways.txt"; chmod 600 "$run/gateways.txt"
    for ((g = 0; g < 8; g++)); do
      secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
      echo "gw-bench-$g patient-bench-$g $secret" >>"$run/gateways.txt"
      ingest_env+=("Gateways__Known__${g}__Id=gw-bench-$g" "Gateways__Known__${g}__PatientId=patient-bench-$g"
                   "Gateways__Known__${g}__SecretSha256=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)"
                   "Gateways__Known__${g}__Devices__0=bench-hr")
    done
    th_start ingest "$run/ingest.log" env "${ingest_env[@]}" dotnet "$TH_ROOT/cloud-ingest/Telehealth.Ingest/bin/Release/net10.0/Telehealth.Ingest.dll"
    th_wait_http "http://127.0.0.1:$ingest_port/healthz" 60
    DOTNET_TieredPGO=0 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 dotnet "$sim" bench-ingest --ingest "http://127.0.0.1:$ingest_port" --influx "$TH_INFLUX_URL" --db telehealth --gateways-file "$run/gateways.txt" \
      --ingest-pid "$TH_PID_ingest" --influxd-pid "$TH_PID_influxd" "$@"
    ;;
  alert-latency)
    # influxd + the ingest knowing two gateways; gateway "probe" has the probe device, gateway "load" the background devices.
    th_start_influxd "$run/influxdb"
    curl -fsS -XPOST "$TH_INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE telehealth" >/dev/null
    password_prefix="$(th_random_hex 12)-"
    ingest_url="http://127.0.0.1:$(th_free_port)"
    ingest_env=(Urls="$ingest_url" Influx__ApiVersion=V1 Influx__Url="$TH_INFLUX_URL" Influx__Database=telehealth
      Metadata__ConnectionString="Data Source=$run/metadata.db" Logging__LogLevel__Default=Warning)
    declare -A mqtt_port
    g=0
    for name in probe load; do
      secret="$(th_random_hex 24)"; printf '%s' "$secret" >"$run/$name.secret"; chmod 600 "$run/$name.secret"
      ingest_env+=("Gateways__Known__${g}__Id=gw-$name" "Gateways__Known__${g}__PatientId=patient-$name"
                   "Gateways__Known__${g}__SecretSha256=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)")
      if [ "$name" = probe ]; then devices=(probe-1); else devices=(load-1 load-2 load-3 load-4 load-5 load-6); fi
      mapfile -t seed < <(th_seed_devices "$g" "${devices[@]}"); ingest_env+=("${seed[@]}")
      mqtt_port[$name]="$(th_free_port)"; g=$((g + 1))
    done
    th_start ingest "$run/ingest.log" env "${ingest_env[@]}" dotnet "$TH_ROOT/cloud-ingest/Telehealth.Ingest/bin/Release/net10.0/Telehealth.Ingest.dll"
    th_wait_http "$ingest_url/healthz" 60
    # the therapist who reads the alert API, and the patients in their care team (the probe patient has no condition:
    # the systolic rule applies; the load patient has COPD: SpO2, heart-rate and step rules run on every batch)
    admin() { env Metadata__ConnectionString="Data Source=$run/metadata.db" Logging__LogLevel__Default=Warning \
      dotnet "$TH_ROOT/cloud-ingest/Telehealth.Ingest/bin/Release/net10.0/Telehealth.Ingest.dll" admin "$@" 2>>"$run/admin.log"; }
    admin patient create patient-probe >/dev/null
    admin patient create patient-load --condition copd >/dev/null
    admin care-team create bench-team "Benchmark team" >/dev/null
    admin care-team assign bench-team patient-probe >/dev/null
    admin care-team assign bench-team patient-load >/dev/null
    therapist_token="$(admin therapist create "bench-$(th_random_hex 4)" --care-team bench-team)"
    for name in probe load; do
      if [ "$name" = probe ]; then devices=(probe-1); else devices=(load-1 load-2 load-3 load-4 load-5 load-6); fi
      mapfile -t enrol < <(th_enrol_devices "$password_prefix" "${devices[@]}")
      status_port="$(th_free_port)"; mkdir -p "$run/gw-$name"
      th_start "gateway_$name" "$run/gateway-$name.log" env Urls="http://127.0.0.1:$status_port" Gateway__Id="gw-$name" \
        Gateway__PatientId="patient-$name" Mqtt__Port="${mqtt_port[$name]}" Buffer__Path="$run/gw-$name/buffer.db" \
        Forwarder__IngestUrl="$ingest_url" Forwarder__SecretFile="$run/$name.secret" Logging__LogLevel__Default=Warning "${enrol[@]}" \
        dotnet "$TH_ROOT/gateway/Telehealth.Gateway/bin/Release/net10.0/Telehealth.Gateway.dll"
      th_wait_http "http://127.0.0.1:$status_port/status" 60
    done
    th_start load "$run/load.log" dotnet "$sim" wearables --broker "127.0.0.1:${mqtt_port[load]}" --devices 6 --device-prefix load- \
      --kinds wearable,oximeter,bp,scale,steps,wearable --rate 1 --password-prefix "$password_prefix"
    th_log "pipeline and background load up (logs in $run); measuring…"
    dotnet "$sim" bench-alert-latency --broker "127.0.0.1:${mqtt_port[probe]}" --ingest "$ingest_url" \
      --therapist-token "$therapist_token" --patient patient-probe --device probe-1 \
      --password-prefix "$password_prefix" "$@"
    ;;
  *) echo "error: unknown benchmark '$what'" >&2; usage; exit 2 ;;
esac
