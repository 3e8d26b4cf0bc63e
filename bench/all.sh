#!/bin/bash
# all.sh: the body of `make bench`: bench/run.sh on a small and a large site, hcweb's page cache off and on,
# then "/" behind the nginx micro-cache; prints each run and a table of large against small.
# Usage: bench/all.sh   (env as bench/run.sh; SMALL="1000 1000" LARGE="100000 10000" posts and events)
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${SMALL:-1000 1000}
LARGE=${LARGE:-100000 10000}
OUT=$(mktemp -d /tmp/hcweb-bench-all-XXXXXX)
trap 'rm -rf "$OUT"' EXIT

run() {   # name posts events page-cache-bytes [env...]
	local name=$1 posts=$2 events=$3 pc=$4
	shift 4
	echo "=== $name: $posts posts, $events events, page cache $pc bytes $*"
	env POSTS="$posts" EVENTS="$events" PAGE_CACHE_BYTES="$pc" RESULTS="$OUT/$name" "$@" bench/run.sh
	echo
}
read -r sp se <<<"$SMALL"
read -r lp le <<<"$LARGE"
run small-off "$sp" "$se" 0
run large-off "$lp" "$le" 0
run small-on "$sp" "$se" 2097152
run large-on "$lp" "$le" 2097152
run micro "$sp" "$se" 2097152 MICROCACHE=1 ONLY=start

echo "=== large ($lp posts, $le events) against small ($sp, $se): req/s and p99 ms"
printf '%-16s %9s %9s %7s %9s %9s %7s   %9s %9s %7s\n' target "off:small" large ratio "p99:small" large ratio \
	"on:small" large ratio
awk '
	FILENAME ~ /small-off$/ { so[$1] = $2; sp[$1] = $3 }
	FILENAME ~ /large-off$/ { lo[$1] = $2; lpp[$1] = $3; order[++n] = $1 }
	FILENAME ~ /small-on$/ { sn[$1] = $2 }
	FILENAME ~ /large-on$/ { ln[$1] = $2 }
	END {
		for (i = 1; i <= n; i++) {
			t = order[i]
			if (t == "rss-kB") continue
			printf "%-16s %9d %9d %6.2fx %9.2f %9.2f %6.2fx   %9d %9d %6.2fx\n", t, so[t], lo[t],
				lo[t] ? so[t] / lo[t] : 0, sp[t], lpp[t], sp[t] ? lpp[t] / sp[t] : 0,
				sn[t], ln[t], ln[t] ? sn[t] / ln[t] : 0
		}
		printf "hcweb memory after the runs (kB): small off %d, large off %d, small on %d, large on %d\n",
			so["rss-kB"], lo["rss-kB"], sn["rss-kB"], ln["rss-kB"]
	}' "$OUT/small-off" "$OUT/large-off" "$OUT/small-on" "$OUT/large-on"
echo "(ratio: how many times slower the large site is; the goal is 2x at most)"
awk '$1 == "start" { s = $2 } $1 == "static" { t = $2 }
	END { printf "/ behind the micro-cache: %d req/s, %.0f%% of nginx serving a static file (%d)\n", s, 100 * s / t, t }' \
	"$OUT/micro"
