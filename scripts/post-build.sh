#!/usr/bin/env bash
# Trunk post-build hook: copies public/ and the dataset into the staging dir, then (release builds)
# minifies the JS glue and writes the static event pages, 404.html, sitemap.xml and the CSP with
# the loader's hash.
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk}
root=$(cd "$(dirname "$0")/.." && pwd)
cp -R "$root/public/." "$stage/"
mkdir -p "$stage/data"
cp "${AZBY_DATASET:-$root/data/events.json}" "$stage/data/events.json"

if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  # Trunk leaves the app's wasm-bindgen JS glue as written (comments, long local names):
  # minified by terser (package-lock.json pins it), it is 9.0 -> 7.2 KB gzip. It is an ES module,
  # so its exports keep their names. (The worker's glue, loader.js, defines a global for
  # importScripts and is loaded only when a file is opened: it is left alone.)
  for js in "$stage"/az-by-timeline-*.js; do
    "$root/node_modules/.bin/terser" "$js" --module --compress --mangle -o "$js.min"
    mv "$js.min" "$js"
  done
  # Static event pages, 404.html, sitemap.xml and the CSP, from the same dataset, by Rust code.
  # AZBY_SITE_URL is the absolute site address used in canonical and Open Graph URLs.
  # scripts/build.sh sets a nightly and build-std for the wasm build; the native tool uses the
  # default toolchain, so it shares the test builds' artefacts.
  if [ -n "${AZBY_NIGHTLY_BUILD:-}" ]; then
    unset RUSTUP_TOOLCHAIN CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
  fi
  cargo run --quiet --release --bin sitegen -- "$stage" "${TRUNK_PUBLIC_URL:-/}" "${AZBY_SITE_URL:-http://127.0.0.1:8080}"
fi
