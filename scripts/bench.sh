#!/usr/bin/env bash
# Benchmarks deepseekvet against a no-op analyzer of the same shape
# (internal/bench/noop), alternating runs, on the standard library and on a large real
# module, in go vet -vettool mode and standalone. Prints median wall time, CPU time
# (user+sys) and peak RSS of each, and the ratios deepseekvet / no-op.
#
#   scripts/bench.sh [runs]        (default 5; needs /usr/bin/time: apt-get install time)
#
# go vet caches results by the tool's build ID: every run relinks both tools with a
# new -X value, so their build IDs (and go vet's cache keys) are new while the
# compile cache stays warm, as in CI. Standalone runs have no cache.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
seq=$(date +%s%N) # unique across invocations: go vet never saw these build IDs
relink() { seq=$((seq+1)); go build -ldflags "-X main.benchRun=$seq" -o "$work/deepseekvet" ./cmd/deepseekvet; go build -ldflags "-X main.benchRun=$seq" -o "$work/noop" ./internal/bench/noop; }
relink

# A large real module: golang.org/x/tools v0.52.0, its go/... tree.
mod=$(go mod download -json golang.org/x/tools@v0.52.0 | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
cp -r "$mod" "$work/module"; chmod -R u+w "$work/module"
(cd "$work/module" && GOFLAGS=-mod=mod go build ./go/... >/dev/null 2>&1 || true)

measure() { # dir mode bin pattern -> "wall cpu rss"
  local dir=$1 mode=$2 bin=$3
  if [ "$mode" = vet ]; then
    (cd "$dir" && GOFLAGS=-mod=mod /usr/bin/time -o "$work/time" -f "%e %U %S %M" go vet -vettool="$bin" $4 >/dev/null 2>&1) || true
  else
    (cd "$dir" && GOFLAGS=-mod=mod /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$bin" -test=false $4 >/dev/null 2>&1) || true
  fi
  tail -1 "$work/time" | awk '{printf "%s %.2f %s\n", $1, $2+$3, $4}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf "%-22s %-12s %10s %10s %12s\n" corpus tool wall_s cpu_s peak_rss_kb
# A module that imports the SDKs deepseekvet models (go-openai, openai-go v3,
# deepseek-go, go-deepseek, anthropic-sdk-go, langchaingo) and calls them: the wire
# harness's programs.
cp -r analyzer/testdata/wire "$work/sdks"; chmod -R u+w "$work/sdks"
(cd "$work/sdks" && GOFLAGS=-mod=mod go build ./... >/dev/null 2>&1 || true)

for corpus in "std:$work:std" "x/tools:$work/module:./go/..." "sdks:$work/sdks:./..."; do
  IFS=: read -r name dir pat <<<"$corpus"
  for mode in vet standalone; do
    : >"$work/d" ; : >"$work/n"
    for i in $(seq "$runs"); do
      relink
      measure "$dir" "$mode" "$work/noop" "$pat" >>"$work/n"
      measure "$dir" "$mode" "$work/deepseekvet" "$pat" >>"$work/d"
    done
    for t in n d; do
      w=$(cut -d' ' -f1 "$work/$t" | median); c=$(cut -d' ' -f2 "$work/$t" | median); r=$(cut -d' ' -f3 "$work/$t" | median)
      eval "${t}w=$w ${t}c=$c ${t}r=$r"
      label=$([ $t = n ] && echo no-op || echo deepseekvet)
      printf "%-22s %-12s %10s %10s %12s\n" "$name/$mode" "$label" "$w" "$c" "$r"
    done
    awk -v a="$dw" -v b="$nw" -v c="$dc" -v d="$nc" -v e="$dr" -v f="$nr" -v n="$name/$mode" \
      'BEGIN {printf "%-22s %-12s %10.3f %10.3f %12.3f\n", n, "ratio", a/b, c/d, e/f}'
  done
done
echo
echo "analyzer time per package on net/http (-debug=tp, median of $runs):"
for i in $(seq "$runs"); do "$work/deepseekvet" -test=false -debug=tp net/http 2>&1 | awk -F"\t" '$2=="deepseekvet@net/http" {print $1}'; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
rm -rf "$work"
