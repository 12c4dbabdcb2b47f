#!/usr/bin/env bash
# The whole test suite: unit tests (pure, fast) and integration tests (real influxd, victoria-metrics, mosquitto,
# D-Bus, our gateway and ingest as processes). Installs missing Debian packages first. Ends with "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/../deploy/local/lib.sh"
cd "$TH_ROOT"

th_require_dotnet
th_ensure_packages || { echo "0 passed, 1 failed"; exit 1; }

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

echo "building (Release, warnings as errors)…"
if ! dotnet build Telehealth.sln -c Release -nologo -v q -clp:ErrorsOnly -warnaserror; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; status=0
for project in tests/Telehealth.UnitTests tests/Telehealth.IntegrationTests; do
  name="$(basename "$project")"
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=minimal" "$@"
  if [ $? -ne 0 ]; then status=1; fi
  if [ -f "$results/$name.trx" ]; then
    read -r p f < <(/usr/bin/python3 - "$results/$name.trx" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<Counters [^>]*', text)
get = lambda k: int(re.search(k + r'="(\d+)"', m.group(0)).group(1)) if m and re.search(k + r'="(\d+)"', m.group(0)) else 0
print(get("passed"), get("failed") + get("error") + get("timeout") + get("aborted"))
PY
    )
    passed=$((passed + p)); failed=$((failed + f))
  else
    echo "no results from $name (test host crashed?)"
    failed=$((failed + 1)); status=1
  fi
done

if [ "$failed" -gt 0 ]; then status=1; fi
echo "$passed passed, $failed failed"
exit "$status"
