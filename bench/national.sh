#!/usr/bin/env bash
# A national run: 150 partnerships, each built into its four documents by
# one `mou build`, timed five times; prints the median wall time and peak
# memory (from /usr/bin/time -v), the five runs, their CPU time (which,
# unlike wall time, does not depend on what else the machine is doing) and
# the load average.
#
#   bash bench/national.sh            # uses a mou built from this checkout
#
# The 150 data files are made from the two valid examples in data/, each
# given an area and name of its own so every partnership gets its folder.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/mou" ./cmd/mou
mkdir -p "$work/data"
examples=(data/herefordshire-2019.toml data/westmorland-and-furness-2025.toml)
for i in $(seq 1 150); do
  src=${examples[$((i % 2))]}
  area=$(awk -F' = ' '/^area = /{gsub(/"/,"",$2); print $2; exit}' "$src")
  # Only the [partnership] area and name change: the rest is the example's.
  sed -e "0,/^area = .*/s//area = \"$area $i\"/" \
      -e "0,/^name = \"\(.*\)\"/s//name = \"\1 ($i)\"/" "$src" >"$work/data/p$i.toml"
done

runs=()
peaks=()
cpus=()
for r in 1 2 3 4 5; do
  rm -rf "$work/out"
  /usr/bin/time -v "$work/mou" build --quiet --out "$work/out" "$work"/data/*.toml 2>"$work/time.txt" >/dev/null
  runs+=("$(awk -F': ' '/Elapsed \(wall clock\)/{split($2,a,":"); print a[1]*60+a[2]}' "$work/time.txt")")
  peaks+=("$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time.txt")")
  cpus+=("$(awk -F': ' '/User time|System time/{s+=$2} END{print s}' "$work/time.txt")")
done
n=$(find "$work/out" -name '*.docx' | wc -l)
median() { printf '%s\n' "$@" | sort -g | sed -n 3p; }
echo "documents: $n (150 partnerships)"
echo "wall seconds: ${runs[*]}"
echo "peak KB: ${peaks[*]}"
echo "CPU seconds (user+system): ${cpus[*]}"
uptime
printf 'median wall %.2f s, median peak %.1f MB\n' "$(median "${runs[@]}")" "$(echo "$(median "${peaks[@]}") / 1024" | bc -l)"
