#!/usr/bin/env bash
# Command 1: installs what is missing, builds the app and serves it on http://127.0.0.1:8080 with
# the embedded dataset. `trunk serve` watches the sources: editing a file rebuilds and reloads.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve "$@"
