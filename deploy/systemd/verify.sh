#!/usr/bin/env bash
# Checks the gateway's systemd unit with systemd-analyze verify. Prints "unit ok" or the problems, exit 1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v systemd-analyze >/dev/null || { echo "error: systemd-analyze not found (apt-get install systemd)" >&2; exit 1; }
out="$(systemd-analyze verify --man=no "$here/telehealth-gateway.service" 2>&1 | grep -v -E 'bluetooth.service|Cannot add dependency job|Failed to connect|No such file or directory.*dbus' || true)"
if [ -n "$out" ]; then
  echo "$out"
  exit 1
fi
echo "unit ok"
