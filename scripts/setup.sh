#!/usr/bin/env bash
# Installs what building (and, with `browser`, testing) needs; skips whatever is already there.
# Everything comes from the Rust, npm and Debian registries: no binary is downloaded by Trunk.
#   bash scripts/setup.sh [browser]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PWD/node_modules/.bin:$PATH"
say() { printf '== setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build (scripts/build.sh) rebuilds std for wasm32 with a pinned nightly and its source.
nightly=$(sed -n 's/^export RUSTUP_TOOLCHAIN=//p' scripts/build.sh)
if ! rustup run "$nightly" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --installed --toolchain "$nightly" 2>/dev/null | grep -q '^rust-src'; then
  say "installing Rust $nightly with rust-src (for the release build's smaller std)"
  rustup toolchain install "$nightly" --profile minimal --component rust-src
fi
# Trunk runs cargo offline, so the crates that std's own build uses must be in cargo's cache.
std_lib="$(rustup run "$nightly" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if ! rustup run "$nightly" cargo fetch --offline --manifest-path "$std_lib" >/dev/null 2>&1; then
  say "fetching the crates that std's build uses"
  rustup run "$nightly" cargo fetch --manifest-path "$std_lib"
fi

if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14'; then
  say "installing trunk 0.21.14 (takes 6-10 minutes on 2 cores)"
  cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly (Trunk.toml pins the same).
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
  say "installing wasm-bindgen-cli $wb"
  cargo install wasm-bindgen-cli --version "$wb"
fi

# npm packages from the lockfile (binaryen's wasm-opt for Trunk, terser for the release JS glue,
# playwright-core for the tests).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = browser ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo_cmd apt-get install -y -q chromium chromium-driver \
      || { $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q chromium chromium-driver; }
  fi
fi
say "ready"
