#!/usr/bin/env bash
# Start-up of the bundled app against the repo launcher, in the same run: each starts a fresh
# simulated cluster, runs `describe` and exits; the two alternate, 10 times each, and the medians
# are printed with their ratio. Run it after `./mvnw -Pbundle package` (the repo jar is then built).
#
#   app/src/bundle/measure-startup.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
runs="${1:-10}"
bundled="$root/app/target/bundle/leaderlab/bin/leaderlab"
repo="$root/leaderlab"
[[ -x "$bundled" ]] || { echo "no app image at $bundled; run ./mvnw -Pbundle package first" >&2; exit 1; }

ms() {
  local start end
  start=$(date +%s%N)
  "$@" --no-gui --seed 1 -e "describe" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ms "$repo" >/dev/null  # the first start may build the jar; not measured
b=(); r=()
for ((i = 0; i < runs; i++)); do
  b+=("$(ms "$bundled")")
  r+=("$(ms "$repo")")
done
mb=$(printf '%s\n' "${b[@]}" | median)
mr=$(printf '%s\n' "${r[@]}" | median)
echo "bundled app: median ${mb} ms of ${runs} (${b[*]})"
echo "repo launcher: median ${mr} ms of ${runs} (${r[*]})"
awk -v b="$mb" -v r="$mr" 'BEGIN { printf "bundled / repo launcher: %.2f\n", b / r }'
