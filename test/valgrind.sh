#!/bin/bash
# valgrind.sh: the body of `make valgrind`: hcweb under valgrind memcheck behind nginx for a scripted
# session of 1,000 requests (public pages, a login, creates, edits, bad input); passes with no errors
# and nothing definitely or indirectly lost.
# Usage: test/valgrind.sh BUILD   (BUILD holds hcweb and hcadmin built without sanitizers)
set -euo pipefail
BUILD=${1:-build/valgrind}
cd "$(dirname "$0")/.."
out=$(mktemp -d /tmp/hcweb-valgrind-XXXXXX)
trap 'rm -rf "$out"' EXIT
HCWEB_BUILD=$BUILD HCWEB_VALGRIND_LOG=$out/valgrind.log timeout 1800 \
	/usr/bin/python3 test/valgrind_session.py
echo "valgrind: $(grep -m1 'ERROR SUMMARY' "$out/valgrind.log")"
grep -E 'definitely lost|indirectly lost' "$out/valgrind.log" || true
if ! grep -q 'ERROR SUMMARY: 0 errors' "$out/valgrind.log" ||
   grep -Eq '(definitely|indirectly) lost: [1-9]' "$out/valgrind.log"; then
	sed -n '1,200p' "$out/valgrind.log"
	echo "valgrind: FAIL"
	exit 1
fi
echo "valgrind: ok"
