#!/usr/bin/env bash
# bench/bench.sh — measure perflint's cost against go vet (and against a
# golangci-lint peer set) on the same packages, in one run, and print ratios.
#
# Usage (from anywhere; paths are resolved against the repository root):
#
#   bench/bench.sh std              go vet std  vs  go vet -vettool=perflint std
#   bench/bench.sh deps             the same on `go list -deps ./...` of this module
#   bench/bench.sh scale            perflint (standalone) on 10%, 50%, 100% of std
#   bench/bench.sh corpus DIR...    in each Go module DIR: golangci-lint v2.15.0 with
#                                   bench/golangci-peers.yml  vs  perflint ./... (the
#                                   streaming in-process driver)  vs  perflint -govet ./...
#                                   (driven by go vet; + a warm -govet re-run)
#   bench/bench.sh profile [DIR [PROFILE]]
#                                   perflint -profile=off ./...  vs  perflint -profile=PROFILE ./...
#                                   in DIR (default: testdata/profile, the order service, and
#                                   its default.pgo), REPEAT times each (default 5), medians;
#                                   then go test -bench BenchmarkLoad ./internal/profile (reading
#                                   10 MB synthetic profiles)
#
# std and deps print two tables: "cold" (each tool runs on its own copy of a
# GOCACHE in which the packages are already compiled but nothing has been
# vetted, so every package is analyzed) and "warm" (the same two commands
# re-run on the same caches: the go command replays cached vet results).
# corpus: for each module, golangci-lint runs on the normal, warmed GOCACHE
# after `golangci-lint cache clean`; perflint ./... (which caches nothing: it
# only asks go list for metadata) on that same warmed cache; perflint -govet
# on a fresh copy of a GOCACHE in which the module's packages (and test
# variants) are compiled but not vetted, then again on it ("warm": the go
# command replays cached vet results).
#
# Environment:
#   PERFLINT=/path/to/perflint  use this binary instead of building ./cmd/perflint
#                               (any vet-compatible multichecker works, for testing)
#   BENCH_TMP=DIR               scratch directory (default: mktemp -d, removed at exit
#                               unless KEEP=1). std/deps put 3 GOCACHE copies here
#                               (about 1-3 GiB in all).
#   BENCH_PREP=export|build     how the cold GOCACHE is prepared (default export):
#                               build  = `go build PKGS`
#                               export = `go build PKGS` + `go list -export -test -deps PKGS`,
#                                        which also compiles the test variants go vet
#                                        needs, so cold runs time analysis, not compilation.
#   SAMPLE_INTERVAL=0.1         seconds between process-tree RSS samples
#   XDG_CACHE_HOME              golangci-lint is installed under
#                               ${XDG_CACHE_HOME:-$HOME/.cache}/perflint-bench/bin
#
# Columns:
#   wall s    elapsed time (GNU time %e)
#   cpu s     user+sys CPU of the whole process tree (GNU time %U+%S; children
#             are included because they are waited for)
#   peak MiB  GNU time %M: the maximum resident set of the LARGEST SINGLE
#             process in the tree (getrusage RUSAGE_CHILDREN keeps a max, not a
#             sum). For `go vet` that is the go command itself or one vet/perflint
#             child, whichever peaked higher — not the memory of all the
#             concurrently running vet processes together.
#   tree MiB  the sum of RSS over the whole process tree (the go command plus
#             every running vet tool / compiler), sampled every SAMPLE_INTERVAL
#             seconds from /proc; the maximum seen. This is what the machine
#             needs. Sampling can miss short spikes; it costs a few % of a core,
#             equally for both tools.
#   finds     lines that look like diagnostics (file.go:L:C: ...)
#   load      1-minute load average when the run started: the numbers are only
#             comparable when it is well below the number of cores (other jobs
#             on the machine inflate wall time, not cpu s)
#   rc        exit status. Accepted: go vet 0/1 (1 = findings), perflint 0/3
#             (3 = findings), golangci-lint 0/1. Anything else, or a panic /
#             "fatal error" in the output, fails the run (exit 1 at the end).
#
# Requirements: go, GNU time at /usr/bin/time (apt-get install time), awk, /proc.
set -euo pipefail

die() { echo "bench: $*" >&2; exit 2; }

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$script_dir/.." && pwd)
peer_config=$script_dir/golangci-peers.yml
golangci_version=v2.15.0
bench_cache=${XDG_CACHE_HOME:-$HOME/.cache}/perflint-bench
SAMPLE_INTERVAL=${SAMPLE_INTERVAL:-0.1}
BENCH_PREP=${BENCH_PREP:-export}
failed=0

[[ -x /usr/bin/time ]] && /usr/bin/time -f '%e' true >/dev/null 2>&1 ||
	die "GNU time not found at /usr/bin/time (apt-get update && apt-get install -y time)"
command -v go >/dev/null || die "go not on PATH"

if [[ -n ${BENCH_TMP:-} ]]; then
	tmp=$BENCH_TMP
	mkdir -p "$tmp"
else
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/perflint-bench.XXXXXX")
	if [[ ${KEEP:-0} != 1 ]]; then
		trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
	fi
fi
pagekib=$(($(getconf PAGESIZE) / 1024))

# ---------------------------------------------------------------- measuring

# tree_rss_kib PID: summed RSS (KiB) of PID and all its descendants.
tree_rss_kib() {
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$1" -v pk="$pagekib" '
		{
			pid = $1; line = $0
			sub(/^[0-9]+ \(.*\) /, "", line)   # drop "pid (comm) "; comm may hold spaces
			n = split(line, f, " ")
			ppid[pid] = f[2]; rss[pid] = f[22]
		}
		END {
			want[root] = 1; changed = 1
			while (changed) {
				changed = 0
				for (p in ppid) if (!(p in want) && (ppid[p] in want)) { want[p] = 1; changed = 1 }
			}
			t = 0; for (p in want) t += rss[p]
			print t * pk
		}'
}

# sample_tree PID: prints the maximum tree RSS (KiB) seen while PID lives.
sample_tree() {
	set +e +o pipefail # processes come and go while /proc is read
	local pid=$1 max=0 cur
	while kill -0 "$pid" 2>/dev/null; do
		cur=$(tree_rss_kib "$pid")
		[[ $cur =~ ^[0-9]+$ ]] && ((cur > max)) && max=$cur
		sleep "$SAMPLE_INTERVAL"
	done
	echo "$max"
}

declare -A WALL CPU PEAK TREE RC FINDS LOAD

# measure KEY DIR OKCODES CMD... — run CMD in DIR, record its numbers under KEY.
# OKCODES is a space-separated list of accepted exit codes.
measure() {
	local key=$1 dir=$2 ok=$3
	shift 3
	local out=$tmp/$key.out tf=$tmp/$key.time
	local cmdline="$*"
	((${#cmdline} > 160)) && cmdline="${cmdline:0:160}... ($# args)"
	echo "  running [$key] in $dir: $cmdline" >&2
	LOAD[$key]=$(cut -d' ' -f1 /proc/loadavg)
	(cd "$dir" && exec /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@") >"$out" 2>&1 &
	local pid=$!
	sample_tree "$pid" >"$tmp/$key.tree" &
	local spid=$!
	local rc=0
	wait "$pid" || rc=$?
	wait "$spid" || true
	local wall user sys maxrss
	read -r wall user sys maxrss < <(tail -n 1 "$tf")
	WALL[$key]=$wall
	CPU[$key]=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')
	PEAK[$key]=$(awk -v k="$maxrss" 'BEGIN{printf "%.0f", k / 1024}')
	TREE[$key]=$(awk -v k="$(cat "$tmp/$key.tree")" 'BEGIN{printf "%.0f", k / 1024}')
	FINDS[$key]=$(grep -cE '^[^ :]+\.go:[0-9]+(:[0-9]+)?: ' "$out" || true)
	RC[$key]=$rc
	if grep -qE '^panic: |^fatal error: |^goroutine [0-9]+ \[running\]:|internal error' "$out"; then
		RC[$key]="$rc CRASH"
		failed=1
		echo "bench: [$key] crashed; last lines of $out:" >&2
		tail -n 30 "$out" >&2
	elif [[ " $ok " != *" $rc "* ]]; then
		RC[$key]="$rc FAIL"
		failed=1
		echo "bench: [$key] exited $rc (accepted: $ok); last lines of $out:" >&2
		tail -n 30 "$out" >&2
	fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

# table TITLE BASEKEY OTHERKEY... — print rows and each OTHER/BASE ratio.
table() {
	local title=$1 base=$2
	shift 2
	echo
	echo "== $title"
	printf '%-44s %8s %8s %9s %9s %6s %5s %s\n' tool "wall s" "cpu s" "peak MiB" "tree MiB" finds load rc
	local k
	for k in "$base" "$@"; do
		printf '%-44s %8s %8s %9s %9s %6s %5s %s\n' "$k" "${WALL[$k]}" "${CPU[$k]}" \
			"${PEAK[$k]}" "${TREE[$k]}" "${FINDS[$k]}" "${LOAD[$k]}" "${RC[$k]}"
	done
	for k in "$@"; do
		printf '%-44s %8s %8s %9s %9s\n' "ratio $k / $base" \
			"$(ratio "${WALL[$k]}" "${WALL[$base]}")" "$(ratio "${CPU[$k]}" "${CPU[$base]}")" \
			"$(ratio "${PEAK[$k]}" "${PEAK[$base]}")" "$(ratio "${TREE[$k]}" "${TREE[$base]}")"
	done
}

# ---------------------------------------------------------------- tools

perflint=
build_perflint() {
	if [[ -n ${PERFLINT:-} ]]; then
		perflint=$(cd "$(dirname "$PERFLINT")" && pwd)/$(basename "$PERFLINT")
		[[ -x $perflint ]] || die "PERFLINT=$PERFLINT is not executable"
	else
		echo "building cmd/perflint" >&2
		(cd "$root" && go build -o "$tmp/perflint" ./cmd/perflint)
		perflint=$tmp/perflint
	fi
}

golangci=
ensure_golangci() {
	golangci=$bench_cache/bin/golangci-lint
	if [[ -x $golangci ]] && "$golangci" version 2>/dev/null | grep -q "version ${golangci_version#v} "; then
		return
	fi
	echo "installing golangci-lint $golangci_version into $bench_cache/bin (takes minutes)" >&2
	mkdir -p "$bench_cache/bin"
	(cd "$tmp" && GOBIN=$bench_cache/bin GOFLAGS= go install \
		"github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$golangci_version")
}

# prep_cache DIR PKGS...: a GOCACHE in which PKGS (and, with BENCH_PREP=export,
# their test variants) are compiled but nothing has been vetted. The go
# commands run in $prep_dir (default: the repository root).
# With BENCH_TMP set, a base cache prepared by an earlier run for the same
# packages, directory, prep mode and go version is reused (it is only ever copied).
prep_dir=
prep_cache() {
	local cache=$1 dir=${prep_dir:-$root}
	shift
	local key
	key=$( (go version; echo "$BENCH_PREP"; [[ $dir == "$root" ]] || echo "$dir"; printf '%s\n' "$@") | cksum)
	if [[ -f $cache/.bench-prepared && $(cat "$cache/.bench-prepared") == "$key" ]]; then
		echo "reusing prepared GOCACHE $cache" >&2
		return
	fi
	rm -rf "$cache"
	echo "preparing GOCACHE $cache ($BENCH_PREP, $# patterns, in $dir)" >&2
	(cd "$dir" && GOCACHE=$cache go build "$@")
	if [[ $BENCH_PREP == export ]]; then
		(cd "$dir" && GOCACHE=$cache go list -e -export -test -deps "$@" >/dev/null)
	fi
	echo "$key" >"$cache/.bench-prepared"
}

# ---------------------------------------------------------------- modes

# vet_pair LABEL PKGS...: cold and warm go vet vs go vet -vettool=perflint.
vet_pair() {
	local label=$1
	shift
	build_perflint
	local base=$tmp/gocache-base
	rm -rf "$tmp/gocache-vet" "$tmp/gocache-perflint"
	prep_cache "$base" "$@"
	cp -a "$base" "$tmp/gocache-vet"
	cp -a "$base" "$tmp/gocache-perflint"
	echo "GOCACHE size: $(du -sh "$base" | cut -f1) (x3)" >&2
	local run
	for run in cold warm; do
		GOCACHE=$tmp/gocache-vet measure "vet-$run" "$root" "0 1" go vet "$@"
		GOCACHE=$tmp/gocache-perflint measure "perflint-vet-$run" "$root" "0 1" \
			go vet -vettool="$perflint" "$@"
	done
	table "$label, cold (packages compiled, nothing vetted yet)" vet-cold perflint-vet-cold
	table "$label, warm (re-run: cached vet results)" vet-warm perflint-vet-warm
}

mode_std() {
	echo "std: $(go list std | wc -l) packages, GOMAXPROCS=$(nproc)" >&2
	vet_pair "std ($(go list std | wc -l) packages)" std
}

mode_deps() {
	local pkgs
	mapfile -t pkgs < <(cd "$root" && go list -deps ./...)
	vet_pair "deps of $(cd "$root" && go list -m) (${#pkgs[@]} packages)" "${pkgs[@]}"
}

# dur_ms: Go duration strings on stdin ("1.5s", "850µs", "2m3.1s") -> ms, one per line.
dur_ms() {
	awk '{
		s = $1; ms = 0
		while (s != "") {
			if (!match(s, /^[0-9.]+/)) break
			v = substr(s, 1, RLENGTH); s = substr(s, RLENGTH + 1)
			if (substr(s, 1, 2) == "ms") { ms += v; s = substr(s, 3) }
			else if (substr(s, 1, 2) == "ns") { ms += v / 1e6; s = substr(s, 3) }
			else if (substr(s, 1, 2) == "us") { ms += v / 1e3; s = substr(s, 3) }
			else if (substr(s, 1, 3) == "µs") { ms += v / 1e3; s = substr(s, 4) }
			else if (substr(s, 1, 1) == "h") { ms += v * 3600000; s = substr(s, 2) }
			else if (substr(s, 1, 1) == "m") { ms += v * 60000; s = substr(s, 2) }
			else if (substr(s, 1, 1) == "s") { ms += v * 1000; s = substr(s, 2) }
			else break
		}
		printf "%.3f\t%s\n", ms, $2
	}'
}

mode_scale() {
	build_perflint
	local all sel keys=() pct n
	mapfile -t all < <(go list std | LC_ALL=C sort)
	echo "warming go list -compiled for std" >&2
	(cd "$root" && go list -e -compiled -test -deps std >/dev/null)
	for pct in 10 50 100; do
		case $pct in
		10) mapfile -t sel < <(printf '%s\n' "${all[@]}" | awk 'NR % 10 == 1') ;;
		50) mapfile -t sel < <(printf '%s\n' "${all[@]}" | awk 'NR % 2 == 1') ;;
		100) sel=("${all[@]}") ;;
		esac
		n=${#sel[@]}
		local loaded
		loaded=$(cd "$root" && go list -e -test -deps "${sel[@]}" | wc -l)
		echo "$n" >"$tmp/scale-$pct.n"
		echo "$loaded" >"$tmp/scale-$pct.loaded"
		local extra=(-timing)
		[[ $pct == 100 ]] && extra+=(-cpuprofile="$tmp/cpu.prof" -memprofile="$tmp/mem.prof")
		measure "perflint-std-$pct%" "$root" "0 3" "$perflint" "${extra[@]}" "${sel[@]}"
		keys+=("perflint-std-$pct%")
	done
	echo
	echo "== perflint standalone on std subsets (roots = packages named, loaded = with test variants and deps)"
	printf '%-22s %6s %7s %8s %8s %9s %9s %10s %6s %5s %s\n' run roots loaded "wall s" "cpu s" \
		"peak MiB" "tree MiB" "ms/root" finds load rc
	local k
	for pct in 10 50 100; do
		k=perflint-std-$pct%
		n=$(cat "$tmp/scale-$pct.n")
		printf '%-22s %6s %7s %8s %8s %9s %9s %10s %6s %5s %s\n' "$k" "$n" \
			"$(cat "$tmp/scale-$pct.loaded")" "${WALL[$k]}" "${CPU[$k]}" "${PEAK[$k]}" "${TREE[$k]}" \
			"$(awk -v w="${WALL[$k]}" -v n="$n" 'BEGIN{printf "%.1f", 1000 * w / n}')" \
			"${FINDS[$k]}" "${LOAD[$k]}" "${RC[$k]}"
	done
	echo
	echo "== where the time went, 100% run (-timing; packages run side by side, so sums exceed wall)"
	sed -n '/^perflint: [0-9]* packages in/,$p' "$tmp/perflint-std-100%.out"
	if [[ -s $tmp/cpu.prof ]]; then
		echo
		echo "== CPU profile, 100% run (go tool pprof -top -cum)"
		go tool pprof -top -cum -nodecount=25 "$perflint" "$tmp/cpu.prof" 2>/dev/null | sed -n '1,35p' || true
	fi
}

# mode_corpus DIR...: per module, the golangci-lint peer set, perflint ./...
# (the streaming in-process driver), perflint -govet ./... on a fresh copy of
# a GOCACHE prepared for that module (compiled, test variants too, never
# vetted, so every package is analyzed) and a warm -govet re-run on the same
# cache (vet results replayed). golangci-lint and perflint ./... use the
# normal GOCACHE, warmed first; golangci-lint's own cache is cleaned.
mode_corpus() {
	(($# > 0)) || die "corpus mode needs at least one module directory"
	build_perflint
	ensure_golangci
	local d dir name keys=() base
	for d in "$@"; do
		dir=$(cd "$d" && pwd) || die "no such directory: $d"
		[[ -f $dir/go.mod ]] || die "$dir has no go.mod"
		name=$(basename "$dir")
		echo "warming build cache in $dir" >&2
		(cd "$dir" && go build ./... && go list -e -export -compiled -test -deps ./... >/dev/null)
		base=$tmp/gocache-$name-base
		prep_dir=$dir prep_cache "$base" ./...
		rm -rf "$tmp/gocache-$name-govet"
		cp -a "$base" "$tmp/gocache-$name-govet"
		echo "GOCACHE for $name: $(du -sh "$base" | cut -f1) (x2)" >&2
		measure "$name:perflint" "$dir" "0 3" "$perflint" ./...
		GOCACHE=$tmp/gocache-$name-govet measure "$name:perflint-govet" "$dir" "0 3" "$perflint" -govet ./...
		GOCACHE=$tmp/gocache-$name-govet measure "$name:perflint-govet-warm" "$dir" "0 3" "$perflint" -govet ./...
		"$golangci" cache clean
		measure "$name:golangci-peers" "$dir" "0 1" "$golangci" run -c "$peer_config" \
			--timeout=30m ./...
		if [[ ${KEEP:-0} != 1 ]]; then
			chmod -R u+w "$tmp/gocache-$name-govet" 2>/dev/null || true
			rm -rf "$tmp/gocache-$name-govet"
		fi
		keys+=("$name")
	done
	for name in "${keys[@]}"; do
		table "$name: golangci-lint peers (cache cleaned, build cache warm) vs perflint ./... vs perflint -govet ./... (fresh compiled GOCACHE; warm = re-run)" \
			"$name:golangci-peers" "$name:perflint" "$name:perflint-govet" "$name:perflint-govet-warm"
		if [[ ${FINDS[$name:perflint]} != "${FINDS[$name:perflint-govet]}" ]]; then
			echo "NOTE $name: findings differ: perflint ${FINDS[$name:perflint]}, -govet ${FINDS[$name:perflint-govet]}"
		fi
	done
}

# median KEYPREFIX N ARRAY — the median of ARRAY[KEYPREFIX-1..N].
median() {
	local prefix=$1 n=$2 i
	local -n arr=$3
	for ((i = 1; i <= n; i++)); do echo "${arr[$prefix-$i]}"; done |
		sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# mode_profile [DIR [PROFILE]]: what ranking by a profile costs: perflint
# without and with it, alternated REPEAT times on the same warm build
# cache (the difference is reading the profile, indexing the functions of
# packages with findings, and one go list to find default.pgo); then the
# cost of reading large profiles alone.
mode_profile() {
	local dir=${1:-$root/testdata/profile} prof=${2:-}
	dir=$(cd "$dir" && pwd) || die "no such directory: $1"
	[[ -n $prof ]] || prof=$dir/default.pgo
	prof=$(cd "$(dirname "$prof")" && pwd)/$(basename "$prof")
	[[ -f $prof ]] || die "no profile at $prof"
	local n=${REPEAT:-5} i k
	build_perflint
	(cd "$dir" && go build ./... && "$perflint" -profile=off ./... >/dev/null 2>&1 || true) # warm caches
	for ((i = 1; i <= n; i++)); do
		measure "without-$i" "$dir" "0 3" "$perflint" -profile=off ./...
		measure "with-$i" "$dir" "0 3" "$perflint" -profile="$prof" ./...
	done
	for k in without with; do
		WALL[$k]=$(median "$k" "$n" WALL)
		CPU[$k]=$(median "$k" "$n" CPU)
		PEAK[$k]=$(median "$k" "$n" PEAK)
		TREE[$k]=$(median "$k" "$n" TREE)
		FINDS[$k]=${FINDS[$k-1]} LOAD[$k]=${LOAD[$k-1]} RC[$k]=${RC[$k-1]}
	done
	table "$(basename "$dir"): perflint -profile=off vs -profile=$(basename "$prof") ($(du -h "$prof" | cut -f1 | tr -d "\n")), medians of $n runs" without with
	echo
	echo "== reading large profiles (go test -bench BenchmarkLoad ./internal/profile)"
	(cd "$root" && go test -run '^$' -bench BenchmarkLoad -benchtime 5x ./internal/profile) | grep -E '^Benchmark|^cpu:'
}

# ---------------------------------------------------------------- main

(($# > 0)) || {
	usage
	exit 2
}
mode=$1
shift
echo "go: $(go version); GOMAXPROCS=$(nproc); scratch: $tmp" >&2
case $mode in
std) mode_std ;;
deps) mode_deps ;;
scale) mode_scale ;;
corpus) mode_corpus "$@" ;;
profile) mode_profile "$@" ;;
-h | --help | help) usage ;;
*)
	usage >&2
	exit 2
	;;
esac

if ((failed)); then
	echo "bench: some runs failed or crashed (see above)" >&2
	exit 1
fi
