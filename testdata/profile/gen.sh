#!/usr/bin/env bash
# Regenerates the CPU profiles internal/profile's tests read. They are real
# profiles of real benchmark runs, not hand-written bytes:
#   default.pgo  the order service (module example.com/shop) under BenchmarkServe
#   foreign.pgo  another program (module example.com/thumbs) under BenchmarkShrink
# Run from anywhere; takes about a minute. Sample counts vary run to run; the
# tests only rely on which functions are hot.
set -euo pipefail
cd "$(dirname "$0")"
go test -run '^$' -bench . -benchtime 20s -cpuprofile default.pgo ./orders
rm -f orders.test
(cd foreign && go test -run '^$' -bench . -benchtime 3s -cpuprofile ../foreign.pgo . && rm -f thumbs.test)
