#!/usr/bin/env bash
# A national run: 150 partnerships, each built into its four documents by
# one `mou build`, timed five times; prints the median wall time and peak
# memory (from /usr/bin/time -v), the five runs, their CPU time (which,
# unlike wall time, does not depend on what else the machine is doing) and
# the load average; then the same for five rebuilds over the first run's
# output.
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

# Nothing is timed until the file system is quiet. The harness's own
# writes (the mou binary, the data files) go to the disk first. And on a
# file system without a journal (this machine's ext4), inodes freed in the
# last minute are held aside, and every new file steps over each of them:
# files deleted just before (by this script's previous run, say) would add
# their bookkeeping to mou's time. MOU_BENCH_NO_WAIT=1 skips the minute.
sync
if [ -z "${MOU_BENCH_NO_WAIT:-}" ]; then
  echo "waiting a minute for the file system to settle…" >&2
  sleep 61
fi

# Each run builds into a folder of its own, as a first national build does
# (removing the previous run's files just before would be the same trap).
# A rebuild over an earlier build's files, which mou moves aside and
# removes, is timed after as its own figure: each rebuild pays for the
# files the one before it removed.
measure() { # label, then the output folder of each of the five runs
  local label=$1
  shift
  runs=() peaks=() cpus=()
  for out in "$@"; do
    /usr/bin/time -v "$work/mou" build --quiet --out "$out" "$work"/data/*.toml 2>"$work/time.txt" >/dev/null
    runs+=("$(awk -F': ' '/Elapsed \(wall clock\)/{split($2,a,":"); print a[1]*60+a[2]}' "$work/time.txt")")
    peaks+=("$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time.txt")")
    cpus+=("$(awk -F': ' '/User time|System time/{s+=$2} END{print s}' "$work/time.txt")")
  done
  echo "$label wall seconds: ${runs[*]}"
  echo "$label peak KB: ${peaks[*]}"
  echo "$label CPU seconds (user+system): ${cpus[*]}"
  printf '%s: median wall %.2f s, median peak %.1f MB\n' "$label" "$(median "${runs[@]}")" "$(echo "$(median "${peaks[@]}") / 1024" | bc -l)"
}
median() { printf '%s\n' "$@" | sort -g | sed -n 3p; }

measure "first build" "$work"/out{1..5}
echo "documents: $(find "$work/out1" -name '*.docx' | wc -l) (150 partnerships)"
measure "rebuild" "$work"/out1 "$work"/out1 "$work"/out1 "$work"/out1 "$work"/out1
uptime
