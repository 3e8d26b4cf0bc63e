#!/bin/bash
# loadtest.sh: the body of `make loadtest`: wrk with 64 connections for 60 s over the public pages
# plus 10 % logged-in POSTs, through nginx and hcweb as `make run` starts them.
# Passes when there is no 5xx answer, no socket error (an answer slower than 10 s counts as one),
# and hcweb's RSS after is within 10 % of before.
# Usage: bench/loadtest.sh   (env: BUILD=build DURATION=60 CONNS=64)
set -euo pipefail

BUILD=${BUILD:-build}
DURATION=${DURATION:-60}
CONNS=${CONNS:-64}
cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
TMP=$(mktemp -d /tmp/hcweb-loadtest-XXXXXX)
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
run_pid=
cleanup() {
	if [ -n "$run_pid" ]; then kill -TERM "$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; fi
	rm -rf "$TMP"
}
trap cleanup EXIT

PORT=$PORT BUILD=$BUILD VAR=$TMP/var conf/run-dev.sh >"$TMP/run.log" 2>&1 &
run_pid=$!
for _ in $(seq 300); do grep -q "Ctrl-C" "$TMP/run.log" 2>/dev/null && break; sleep 0.2; done
grep -q "Ctrl-C" "$TMP/run.log" || { cat "$TMP/run.log"; echo "loadtest: the site did not start" >&2; exit 1; }

# A coordinator, logged in: the session cookie and the CSRF token for the POSTs.
email=loadtest@example.se
echo "lösenord-för-lasttestet" | "$BUILD/hcadmin" -c "$TMP/var/hcweb.conf" user add "$email" \
	--name Lasttest --role coordinator >/dev/null
cookie=$(curl -s -D - -o /dev/null -H "Origin: $URL" \
	--data-urlencode "email=$email" --data-urlencode "password=lösenord-för-lasttestet" \
	"$URL/admin/login" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\);.*/\1/p')
csrf=$(curl -s -H "Cookie: $cookie" "$URL/admin" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
[ -n "$cookie" ] && [ -n "$csrf" ] || { echo "loadtest: cannot log in" >&2; exit 1; }

rss() { awk '/^VmRSS/ { print $2 }' "/proc/$(cat "$TMP/var/hcweb.pid")/status"; }
# Warm up (page caches, statement caches, the allocator) before the first measure.
LT_COOKIE=$cookie LT_CSRF=$csrf LT_ORIGIN=$URL wrk -t2 -c"$CONNS" -d5s -s bench/loadtest.lua "$URL" >/dev/null
before=$(rss)
pid_before=$(cat "$TMP/var/hcweb.pid")
LT_COOKIE=$cookie LT_CSRF=$csrf LT_ORIGIN=$URL wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency \
	-s bench/loadtest.lua "$URL" | tee "$TMP/wrk.out"
after=$(rss)

fail=0
five=$(sed -n 's/^5xx: \([0-9]*\)/\1/p' "$TMP/wrk.out")
if [ "${five:-1}" -ne 0 ]; then echo "loadtest: FAIL: $five answers 5xx"; fail=1; fi
if grep -q "Socket errors" "$TMP/wrk.out"; then echo "loadtest: FAIL: socket errors"; fail=1; fi
if [ "$(cat "$TMP/var/hcweb.pid")" != "$pid_before" ]; then echo "loadtest: FAIL: hcweb restarted"; fail=1; fi
change=$(( (after - before) * 100 / before ))
echo "loadtest: hcweb RSS $before kB before, $after kB after ($change %)"
if [ "${change#-}" -gt 10 ]; then echo "loadtest: FAIL: RSS changed by more than 10 %"; fail=1; fi
[ "$fail" -eq 0 ] && echo "loadtest: ok: no 5xx, no socket errors, RSS within 10 %"
exit "$fail"
