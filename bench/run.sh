#!/usr/bin/env bash
# The benchmark (not part of the tests): our release build against TimelineJS 3.9.11 and
# vis-timeline 8.5.4 on the same synthetic events, in one run, on this machine.
#   bash bench/run.sh [--quick]      (--quick: N = 20 and 1000, 2 runs each)
# Builds the default app and one app per size with the dataset embedded, serves everything
# gzip-compressed on 127.0.0.1 (bench/server.mjs), measures every page with measure.mjs (cold
# runs, medians with min and max), times search keystrokes at the largest size, runs Lighthouse on
# the home page and an event page, then prints PASS/FAIL per target and writes BENCHMARKS.md.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
sizes="20 1000 10000"; runs=3
if [ "${1:-}" = --quick ]; then sizes="20 1000"; runs=2; fi
largest=${sizes##* }

bash "$root/scripts/setup.sh" browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"
cd "$bench"
[ -d node_modules/playwright-core ] && [ -d node_modules/lighthouse ] || npm ci --no-audit --no-fund

out="$root/target/bench"
rm -rf "$out"; mkdir -p "$out" data
for n in $sizes; do
  [ -f "data/events-$n.json" ] || node data/gen.mjs "$n" > "data/events-$n.json"
  node to-ours.mjs "data/events-$n.json" "data/ours-$n.json"
done

echo "== building the default app and one app per size (dataset embedded)"
(cd "$root" && trunk build --release --public-url /app/ --dist "$out/app")
mounts=(--mount "/app=$out/app")
for n in $sizes; do
  cp "data/ours-$n.json" "$out/app/data/"
  (cd "$root" && AZBY_DATASET="$bench/data/ours-$n.json" trunk build --release --public-url "/app-$n/" --dist "$out/app-$n")
  mounts+=(--mount "/app-$n=$out/app-$n")
done
node "$root/scripts/size-report.mjs" "$out/app" | tail -3

echo "== measuring (compare.sh)"
bash compare.sh --sizes "$sizes" --runs "$runs" --runs-large "$runs" --targets targets-ours.json \
  "${mounts[@]}" --out-dir "$out/results" --report "$out/report.md"

echo "== keystroke to results and Lighthouse"
node server.mjs --port 0 "${mounts[@]}" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q listening "$out/server.log" && break; sleep 0.2; done
base=$(sed -n 's/^listening \(http:[^ ]*\)\/ .*/\1/p' "$out/server.log")
node keystroke.mjs "$base/app/?data=/app/data/ours-$largest.json" 15 | tee "$out/keystroke.json"
event=$(node -e 'const d=require(process.argv[1]); console.log(d.events.find((e)=>e.kind==="call").id)' "$out/app/data/events.json")
: > "$out/lighthouse.txt"
for page in "home /app/" "event /app/events/$event/"; do
  set -- $page
  line=$(bash lighthouse.sh "$base$2" | grep '^performance' || true)
  echo "$1: $line"
  for cat in performance accessibility best-practices seo; do
    score=$(echo "$line" | sed -n "s/.*$cat \([0-9]*\).*/\1/p")
    echo "LH $1 $cat ${score:-0}" >> "$out/lighthouse.txt"
  done
done
kill $server 2>/dev/null || true

cd "$root"
node bench/verdict.mjs "$out/results" "$out/keystroke.json" "$out/lighthouse.txt" "$root/BENCHMARKS.md"
