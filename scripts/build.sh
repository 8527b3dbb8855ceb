#!/usr/bin/env bash
# The release build: `trunk build --release` with a pinned nightly that rebuilds the standard
# library for wasm32 with panics that abort at once, so no panic machinery, messages or source
# locations are linked (about 30 KB gzip less), and with its `optimize_for_size` feature (simpler
# sorting and formatting code: 5 KB gzip less). Arguments go to trunk, e.g. --public-url /sub/.
# Plain `trunk build --release` on stable Rust also works; its bundle is larger.
#   bash scripts/build.sh [trunk build options]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
# Keep in step with scripts/setup.sh, which installs it.
export RUSTUP_TOOLCHAIN=nightly-2026-05-20
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
# The post-build hook builds a native tool; it goes back to the default toolchain (see there).
export AZBY_NIGHTLY_BUILD=1
exec trunk build --release "$@"
