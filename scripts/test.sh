#!/usr/bin/env bash
# Command 2: installs what the tests need, then runs every layer; exits non-zero on any failure.
#   fmt -> clippy (native, wasm32) -> native tests -> wasm-bindgen-test in headless Chromium
#   -> release build + size report -> end-to-end tests in Chromium (root and sub-path builds).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native, then wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests (pure core, dataset, quote check)"
cargo test

step "component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test web

step "release build (scripts/build.sh: trunk build --release with the smaller std)"
bash scripts/build.sh
node scripts/size-report.mjs dist

step "release build under a sub-path (/sub/path/)"
bash scripts/build.sh --public-url /sub/path/ --dist target/dist-sub

step "end-to-end tests (playwright-core, Chromium)"
node e2e/run.mjs
