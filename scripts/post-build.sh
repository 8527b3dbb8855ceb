#!/usr/bin/env bash
# Trunk post-build hook: copies public/ and the dataset into the staging dir, then (release builds)
# writes the static event pages, 404.html, sitemap.xml and the CSP with the loader's hash.
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk}
root=$(cd "$(dirname "$0")/.." && pwd)
cp -R "$root/public/." "$stage/"
mkdir -p "$stage/data"
cp "${AZBY_DATASET:-$root/data/events.json}" "$stage/data/events.json"
