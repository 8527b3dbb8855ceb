#!/usr/bin/env bash
# The benchmark (not part of the tests): the release app against TimelineJS 3.9.11 and
# vis-timeline 8.5.4 on the same events, in one run, on this machine; writes BENCHMARKS.md.
#
#   bash bench/run.sh [--quick] [--no-build] [--no-lighthouse] [--runs N] [--sizes "seed 1000 10000"]
#
#   --quick          sizes seed and 1000, 2 runs per page (about 10 minutes with the builds)
#   --no-build       reuse the builds in target/bench/ (after a first full run)
#   --no-lighthouse  skip Lighthouse
# Full run (default): sizes seed, 1000 and 10000, 3 runs per page after 1 warm-up, 20-30 minutes.
#
# Steps: installs what is missing (scripts/setup.sh, then `npm ci` in bench/); generates the
# datasets (bench/gen-ours.mjs: the same events in our schema and in the anchors' schema, plus the
# seed dataset in the anchors' schema); builds the release app three ways with Trunk (default
# build with the seed dataset under /seed/, and one build per large size with the dataset embedded,
# under /embedded-N/; their own cargo target dir, so other builds in target/ are never touched);
# serves it all with bench/server.mjs (127.0.0.1, gzip level 6); measures every page of
# bench/targets.json with bench/measure.mjs (fresh Chromium and profile per run, HTTP cache off);
# runs Lighthouse (mobile preset) three times on the home page and an event page of the default
# build, reporting the run with the median performance score; then
# bench/summarize.mjs prints PASS/FAIL per target and writes BENCHMARKS.md.
# Raw JSON, screenshots and Lighthouse reports: target/bench/run/; logs: target/bench/logs/.
# Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_OUT (default target/bench).
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench/.." && pwd)

sizes="seed 1000 10000"; runs=3; warmup=1; build=1; lighthouse=1; quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; sizes="seed 1000"; runs=2; shift ;;
    --no-build) build=0; shift ;;
    --no-lighthouse) lighthouse=0; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
step() { printf '\n== %s\n' "$*" >&2; }

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
step "installing what is missing (scripts/setup.sh; skips what is there)"
bash "$root/scripts/setup.sh" browser
if [ ! -f "$bench/node_modules/.package-lock.json" ] || [ "$bench/package-lock.json" -nt "$bench/node_modules/.package-lock.json" ]; then
  step "npm ci in bench/"
  (cd "$bench" && npm ci --no-audit --no-fund)
fi

out="${BENCH_OUT:-$root/target/bench}"
results="$out/run"
mkdir -p "$out/data" "$out/logs"
rm -rf "$results"; mkdir -p "$results/lighthouse"; : > "$out/logs/measure.log"

step "datasets (bench/gen-ours.mjs, deterministic)"
node "$bench/gen-ours.mjs" --from-seed "$root/data/events.json" "$out/data/anchors-seed.json"
for n in 20 $sizes; do
  [ "$n" = seed ] && continue
  [ -s "$out/data/ours-$n.json" ] && [ -s "$out/data/anchors-$n.json" ] && [ "$out/data/ours-$n.json" -nt "$bench/gen-ours.mjs" ] && continue
  node "$bench/gen-ours.mjs" "$n" "$out/data/ours-$n.json" "$out/data/anchors-$n.json"
done

# One build at a time, niced (the machine is shared). Own target dir: the embedded dataset is an
# input of the crate, and other builds in target/ must not pick up a benchmark dataset.
trunk_build() { # DIST PUBLIC_URL [DATASET]
  local dist=$1 url=$2 data=${3:-} log
  log="$out/logs/build-$(basename "$dist").log"
  echo "scripts/build.sh --public-url $url --dist $dist${data:+ (AZBY_DATASET=$data)}" >&2
  if ! (cd "$root" && CARGO_TARGET_DIR="$out/cargo" AZBY_DATASET="$data" \
        nice -n 10 bash scripts/build.sh --public-url "$url" --dist "$dist" > "$log" 2>&1); then
    tail -30 "$log" >&2; echo "run.sh: build failed (log: $log)" >&2; exit 1
  fi
}
if [ "$build" = 1 ]; then
  step "release builds (Trunk; logs in target/bench/logs/)"
  # The commit the builds are made from (BENCHMARKS.md reports it), noted before building.
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no -- src style index.html public data \
        scripts build.rs Cargo.toml Cargo.lock Trunk.toml 2>/dev/null)" ]; then
    commit="$commit plus uncommitted changes to the app"
  fi
  echo "$commit" > "$out/build-commit.txt"
  trunk_build "$out/seed" /seed/
  for n in $sizes; do
    [ "$n" = seed ] && continue
    trunk_build "$out/embedded-$n" "/embedded-$n/" "$out/data/ours-$n.json"
  done
fi
mounts=(--mount "/seed=$out/seed" --mount "/data=$out/data")
for n in $sizes; do
  [ "$n" = seed ] && continue
  [ -f "$out/embedded-$n/index.html" ] || { echo "run.sh: no build in $out/embedded-$n (run without --no-build)" >&2; exit 1; }
  mounts+=(--mount "/embedded-$n=$out/embedded-$n")
done
[ -f "$out/seed/index.html" ] || { echo "run.sh: no build in $out/seed (run without --no-build)" >&2; exit 1; }

step "static server (bench/server.mjs, gzip)"
node "$bench/server.mjs" --port 0 "${mounts[@]}" > "$out/logs/server.log" 2>&1 &
server_pid=$!
cleanup() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM
base=""
for _ in $(seq 1 100); do
  base=$(sed -n 's#^listening \(http://127\.0\.0\.1:[0-9]*\)/.*#\1#p' "$out/logs/server.log")
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$out/logs/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { echo "run.sh: the server did not start" >&2; exit 1; }
echo "$base (pid $server_pid)" >&2

step "measuring: sizes $sizes; $runs runs per page after $warmup warm-up"
for n in $sizes; do
  mapfile -t names < <(node -e '
    const [file, n] = process.argv.slice(1);
    for (const t of JSON.parse(require("fs").readFileSync(file, "utf8")).targets)
      if (!t.sizes || t.sizes.includes(n)) console.log(t.name);' "$bench/targets.json" "$n")
  for name in "${names[@]}"; do
    mapfile -d '' -t spec < <(node -e '
      const [file, name, n, base] = process.argv.slice(1);
      const t = JSON.parse(require("fs").readFileSync(file, "utf8")).targets.find((x) => x.name === name);
      process.stdout.write([base + t.url.replaceAll("{N}", n), ...(t.args || [])].join("\0") + "\0");' \
      "$bench/targets.json" "$name" "$n" "$base")
    echo "-- $name N=$n: ${spec[0]}" >&2
    node "$bench/measure.mjs" --url "${spec[0]}" --label "$name@$n" --runs "$runs" --warmup "$warmup" \
      --scroll-test --block-service-workers --screenshot-dir "$results/screenshots" \
      "${spec[@]:1}" --out "$results/$name-$n.json" > /dev/null 2> >(tee -a "$out/logs/measure.log" >&2) || true
  done
done

if [ "$lighthouse" = 1 ]; then
  step "Lighthouse 12.8.2, mobile preset (Lighthouse's default), on the default build"
  event=$(node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const e = d.events.find((x) => x.kind === "visit") || d.events[0]; console.log(e.id);' "$root/data/events.json")
  # Lighthouse's scores move by several points from run to run here: each page runs three times
  # and the run with the median performance score is the one reported (all three are listed).
  for page in "home:/seed/" "event:/seed/events/$event/"; do
    name=${page%%:*}; path=${page#*:}
    echo "-- $name: $base$path" >&2
    for k in 1 2 3; do
      bash "$bench/lighthouse.sh" "$base$path" --out "$results/lighthouse/$name-$k.json" \
        > "$results/lighthouse/$name-$k.txt" 2>&1 || echo "Lighthouse failed for $path (run $k)" >&2
    done
    node - "$results/lighthouse" "$name" <<'EOF_MEDIAN'
const fs = require('fs'), path = require('path');
const [dir, name] = process.argv.slice(2);
const runs = [1, 2, 3].map((k) => {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(dir, `${name}-${k}.json`), 'utf8'));
    return { k, perf: Math.round(r.categories.performance.score * 100), tbt: r.audits['total-blocking-time'].numericValue };
  } catch { return null; }
}).filter(Boolean).sort((a, b) => a.perf - b.perf || b.tbt - a.tbt);
if (!runs.length) process.exit(0);
const m = runs[Math.floor((runs.length - 1) / 2)];
fs.copyFileSync(path.join(dir, `${name}-${m.k}.json`), path.join(dir, `${name}.json`));
const listed = [...runs].sort((a, b) => a.k - b.k).map((r) => `${r.perf} (TBT ${Math.round(r.tbt)} ms)`).join(', ');
fs.writeFileSync(path.join(dir, `${name}.txt`), fs.readFileSync(path.join(dir, `${name}-${m.k}.txt`), 'utf8') +
  `runs: performance ${listed}; reported: run ${m.k}, the median\n`);
EOF_MEDIAN
    cat "$results/lighthouse/$name.txt" >&2
  done
fi

step "verdict"
node "$bench/summarize.mjs" --results "$results" --sizes "$sizes" --runs "$runs" --quick "$quick" \
  --seed-build "$out/seed" --commit-file "$out/build-commit.txt" --out "$root/BENCHMARKS.md"
