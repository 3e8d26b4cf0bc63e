#!/bin/bash
# run-all.sh: runs every suite for each build folder given and ends with one line: "N passed, M failed".
# Usage: test/run-all.sh BUILD [BUILD ...]   (e.g. build build/asan)
# Counts come from the runners' machine-readable reports (Criterion --json,
# pytest --junitxml), never from their text. A unit test whose binary is
# missing counts as failed; so does a suite that fails without a report.
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log=$tmp/log
report=$tmp/report

# Prints "P F" from a report: kind is "json" (Criterion) or "junit" (pytest).
counts() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
kind, path = sys.argv[1], sys.argv[2]
try:
    if kind == "json":
        r = json.load(open(path))
        print(r["passed"], r["failed"] + r["errored"])
    else:
        root = ET.parse(path).getroot()
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        t = sum(int(s.get("tests", 0)) for s in suites)
        f = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
        k = sum(int(s.get("skipped", 0)) for s in suites)
        print(t - f - k, f)
except Exception:
    print("0 0")
PY
}

# Adds one suite's counts to the totals; status is the runner's exit status.
add() {
	local name=$1 status=$2 p=$3 f=$4
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1   # the suite failed without saying which test (crash, timeout, no report)
	fi
	printf '%-40s %4d passed, %d failed\n' "$name" "$p" "$f"
	if [ "$f" -ne 0 ] && [ -s "$log" ]; then
		sed 's/^/    /' "$log" | tail -60
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# The layers of lib/: no include goes up a layer or across public/ and admin/.
test/check-layers.sh >"$log" 2>&1
st=$?
add "layers (test/check-layers.sh)" $st $((st == 0 ? 1 : 0)) $((st == 0 ? 0 : 1))

for build in "$@"; do
	for src in test/unit/test_*.c; do
		t=$build/test/unit/$(basename "$src" .c)
		rm -f "$report"
		if [ ! -x "$t" ]; then
			echo "missing: $t (not built from $src)" >"$log"
			add "$t" 1 0 1
			continue
		fi
		timeout 300 "$t" --jobs 2 --json="$report" >"$log" 2>&1
		st=$?
		read -r p f < <(counts json "$report")
		add "$t" $st "$p" "$f"
	done
	rm -f "$report"
	# faults_test.py is `make faults` (minutes of kill -9 and full disks), not this run.
	HCWEB_BUILD=$build timeout 900 /usr/bin/python3 -m pytest -q -p no:cacheprovider \
		--ignore=test/e2e/faults_test.py --junitxml="$report" test/e2e >"$log" 2>&1
	st=$?
	read -r p f < <(counts junit "$report")
	add "$build: e2e (nginx + hcweb)" $st "$p" "$f"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
