#!/usr/bin/env bash
# Decodes one BLE GATT characteristic value: gateway/decode.sh <characteristic-uuid> <hex-bytes>
# Prints one line of JSON (exit 0) or "error: ..." on stderr (exit 1). See docs/ble-characteristics.md.
set -euo pipefail

src="${BASH_SOURCE[0]}"
[[ "$src" == */* ]] || src="./$src"
exec bash "$(cd "${src%/*}" && pwd)/cli.sh" decode "$@"
