#!/bin/bash
# run-all.sh: runs every suite for each build folder given and ends with one line: "N passed, M failed".
# Usage: test/run-all.sh BUILD [BUILD ...]   (e.g. build build/asan)
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Adds the counts of one suite's output (Criterion or pytest) to the totals.
count() {
	local name=$1 status=$2 p f
	if grep -q 'Synthesis: Tested' "$log"; then
		p=$(sed -n 's/.*Passing: \([0-9]*\).*/\1/p' "$log" | tail -1)
		f=$(sed -n 's/.*Failing: \([0-9]*\) | Crashing: \([0-9]*\).*/\1 \2/p' "$log" | tail -1)
		f=$(( ${f% *} + ${f#* } ))
	else
		p=$(tail -3 "$log" | grep -Eo '[0-9]+ passed' | tail -1 | grep -Eo '[0-9]+')
		f=0
		for n in $(tail -3 "$log" | grep -Eo '[0-9]+ (failed|errors?)' | grep -Eo '[0-9]+'); do
			f=$((f + n))
		done
	fi
	p=${p:-0}
	f=${f:-0}
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1   # the suite failed without saying which test
	fi
	printf '%-40s %4d passed, %d failed\n' "$name" "$p" "$f"
	if [ "$f" -ne 0 ]; then
		sed 's/^/    /' "$log" | tail -60
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

for build in "$@"; do
	for t in "$build"/test/unit/test_*; do
		[ -x "$t" ] || continue
		timeout 300 "$t" --jobs 2 >"$log" 2>&1
		count "$t" $?
	done
	HCWEB_BUILD=$build timeout 900 /usr/bin/python3 -m pytest -q -p no:cacheprovider test/e2e >"$log" 2>&1
	count "$build: e2e (nginx + hcweb)" $?
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
