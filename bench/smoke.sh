#!/usr/bin/env bash
# bench/smoke.sh — a quick (< 60 s on a warm build cache) CI check that
# perflint runs end to end on a few real packages, every way users run it:
#
#   perflint PKGS                          (standalone: the streaming in-process driver)
#   perflint -govet PKGS                   (standalone through go vet -vettool=perflint -json)
#   go vet -vettool=perflint PKGS          (unitchecker, driven by the go command)
#
# Usage: bench/smoke.sh [PKG...]     (default: errors strings net/url)
#   PERFLINT=/path/to/perflint  test this binary instead of building ./cmd/perflint
#
# Fails (exit 1) when perflint panics or hits a Go runtime fatal error in
# any mode, or a command exits with a status it should not: standalone
# (either driver) 0 or 3 (3 = findings) is fine, 1 (load or analysis errors) is not;
# go vet 0 is fine, 1 only if what it printed is findings, not errors.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/perflint-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

pkgs=("$@")
((${#pkgs[@]})) || pkgs=(errors strings net/url)

if [[ -n ${PERFLINT:-} ]]; then
	perflint=$PERFLINT
else
	(cd "$root" && go build -o "$tmp/perflint" ./cmd/perflint)
	perflint=$tmp/perflint
fi

fail=0
crashed() { grep -qE '^panic: |^fatal error: |^goroutine [0-9]+ \[running\]:' "$1"; }

check() { # NAME OUTFILE RC OKCODES
	local name=$1 out=$2 rc=$3 ok=$4
	if crashed "$out"; then
		echo "smoke: FAIL $name crashed (exit $rc):" >&2
		tail -n 40 "$out" >&2
		fail=1
	elif [[ " $ok " != *" $rc "* ]]; then
		echo "smoke: FAIL $name exited $rc (accepted: $ok):" >&2
		tail -n 40 "$out" >&2
		fail=1
	else
		echo "smoke: ok   $name (exit $rc, $(grep -cE '\.go:[0-9]+:[0-9]+: ' "$out" || true) findings)"
	fi
}

# The vet protocol handshake the go command relies on.
rc=0
"$perflint" -V=full >"$tmp/version.out" 2>&1 || rc=$?
check "perflint -V=full" "$tmp/version.out" "$rc" "0"
rc=0
"$perflint" -flags >"$tmp/flags.out" 2>&1 || rc=$?
check "perflint -flags" "$tmp/flags.out" "$rc" "0"

rc=0
(cd "$root" && "$perflint" "${pkgs[@]}") >"$tmp/standalone.out" 2>&1 || rc=$?
check "perflint ${pkgs[*]}" "$tmp/standalone.out" "$rc" "0 3"

rc=0
(cd "$root" && "$perflint" -govet "${pkgs[@]}") >"$tmp/govet.out" 2>&1 || rc=$?
check "perflint -govet ${pkgs[*]}" "$tmp/govet.out" "$rc" "0 3"

rc=0
(cd "$root" && "$perflint" -json "${pkgs[@]}") >"$tmp/json.out" 2>"$tmp/json.err" || rc=$?
cat "$tmp/json.err" >>"$tmp/json.out"
check "perflint -json ${pkgs[*]}" "$tmp/json.out" "$rc" "0"

# go vet exits 1 both for findings and for errors; only findings are fine.
rc=0
(cd "$root" && go vet -vettool="$perflint" "${pkgs[@]}") >"$tmp/vet.out" 2>&1 || rc=$?
if ((rc == 1)) && grep -vE '^# |\.go:[0-9]+:[0-9]+: |^	' "$tmp/vet.out" | grep -q .; then
	rc=1 # something other than findings was printed: an error
	check "go vet -vettool=perflint ${pkgs[*]}" "$tmp/vet.out" "$rc" "0"
else
	check "go vet -vettool=perflint ${pkgs[*]}" "$tmp/vet.out" "$rc" "0 1"
fi

exit $fail
