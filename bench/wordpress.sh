#!/bin/bash
# wordpress.sh: times hcadmin import-wordpress (POSTS posts, IMAGES images) from a loopback stand-in
# WordPress, a second run that finds nothing to do, and hcadmin check-links against loopback.
# Usage: bench/wordpress.sh   (env: BUILD=build POSTS=1000 IMAGES=200 LINKS=1000)
set -euo pipefail

BUILD=${BUILD:-build}
POSTS=${POSTS:-1000}
IMAGES=${IMAGES:-200}
LINKS=${LINKS:-1000}

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
TMP=$(mktemp -d /tmp/hcweb-bench-wp-XXXXXX)
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CONF=$TMP/hcweb.conf
mkdir -p "$TMP/uploads"
cat > "$CONF" <<CONF
database = $TMP/hcweb.db
site_url = http://127.0.0.1:1
templates = $ROOT/templates
migrations = $ROOT/migrations
backups = $TMP/backups
uploads = $TMP/uploads
CONF
"$BUILD/hcadmin" -c "$CONF" migrate >/dev/null

/usr/bin/python3 test/e2e/wp_site.py "$TMP" "$POSTS" "$IMAGES" >"$TMP/url" &
pids+=($!)
for _ in $(seq 100); do [ -s "$TMP/url" ] && break; sleep 0.1; done
WP=$(cat "$TMP/url")

now() { date +%s.%N; }
t0=$(now)
"$BUILD/hcadmin" -c "$CONF" import-wordpress "$WP" >"$TMP/first.log"
t1=$(now)
"$BUILD/hcadmin" -c "$CONF" import-wordpress "$WP" >"$TMP/second.log"
t2=$(now)
grep -q "$POSTS created" "$TMP/first.log" || { cat "$TMP/first.log"; exit 1; }
grep -q "$POSTS unchanged" "$TMP/second.log" || { cat "$TMP/second.log"; exit 1; }
awk -v a="$t0" -v b="$t1" -v c="$t2" -v p="$POSTS" -v i="$IMAGES" 'BEGIN {
	printf "import-wordpress: %d posts with %d images in %.2f s (%.0f posts/s); second run (nothing to do) %.2f s\n",
	    p, i, b - a, p / (b - a), c - b }'

# check-links: LINKS published posts, each linking to its own page of the stand-in
# (its old address there: the stand-in answers 404, a broken link).
sqlite3 "$TMP/hcweb.db" "UPDATE posts SET body_html = '<p><a href=\"$WP/gammal/' || id || '\">x</a></p>'
	WHERE id <= $LINKS;"
t3=$(now)
"$BUILD/hcadmin" -c "$CONF" check-links --host-gap 0 --parallel 4 >"$TMP/links.log"
t4=$(now)
n=$(sqlite3 "$TMP/hcweb.db" "SELECT count(*) FROM link_checks WHERE broken = 1")
awk -v a="$t3" -v b="$t4" -v n="$n" 'BEGIN {
	printf "check-links: %d links on one loopback host (one request at a time per host, no gap) in %.2f s (%.0f links/s)\n",
	    n, b - a, n / (b - a) }'
