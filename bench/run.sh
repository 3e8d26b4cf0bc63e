#!/bin/bash
# run.sh: the body of `make bench`: wrk against hcweb's pages, a static copy and a null FastCGI responder.
# Usage: bench/run.sh   (env: BUILD=build POSTS=1000 EVENTS=1000 DURATION=10 CONNS=32 NGINX_WORKERS=1
#                        HCWEB_WORKERS=2 TARGETS_EXTRA="name=/path ..." PAGE_CACHE_BYTES=2097152
#                        MICROCACHE=0 RESULTS=file ONLY="name ...")
# PAGE_CACHE_BYTES=0 turns hcweb's per-worker page copies off (hcweb.conf
# page_cache_bytes); MICROCACHE=1 renders nginx.conf with the one-second
# micro-cache. The seeded database is kept in var/bench/ and copied for each
# run (100,000 posts take minutes to make). RESULTS appends "name req/s p99"
# lines to a file (bench/all.sh compares runs); ONLY limits the targets.
# Everything runs in a temp folder on a free 127.0.0.1 port and is stopped on exit.
set -euo pipefail

BUILD=${BUILD:-build}
POSTS=${POSTS:-1000}
EVENTS=${EVENTS:-1000}
DURATION=${DURATION:-10}
CONNS=${CONNS:-32}
# One nginx worker: on a two-core machine wrk, nginx and hcweb share the cores;
# a second nginx worker only takes CPU from hcweb and wrk (measured: see
# docs/architecture.md). Override to compare.
NGINX_WORKERS=${NGINX_WORKERS:-1}
HCWEB_WORKERS=${HCWEB_WORKERS:-2}
PAGE_CACHE_BYTES=${PAGE_CACHE_BYTES:-2097152}

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
for f in "$BUILD/hcweb" "$BUILD/hcadmin" bench/nullfcgi; do
	[ -x "$f" ] || { echo "bench: $f is missing; run make bench" >&2; exit 1; }
done
for c in wrk nginx curl sqlite3; do
	command -v $c >/dev/null || { echo "bench: $c is not installed" >&2; exit 1; }
done

TMP=$(mktemp -d /tmp/hcweb-bench-XXXXXX)
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
CONF=$TMP/hcweb.conf
mkdir -p "$TMP/nginx/tmp" "$TMP/uploads" "$TMP/root"
cat > "$CONF" <<CONF
database = $TMP/hcweb.db
socket = $TMP/hcweb.sock
workers = $HCWEB_WORKERS
site_url = $URL
templates = $ROOT/templates
migrations = $ROOT/migrations
backups = $TMP/backups
uploads = $TMP/uploads
page_cache_bytes = $PAGE_CACHE_BYTES
CONF

# The seeded database, made once per size and migration set (dates are relative
# to the day it was made; remove var/bench/ to make it again).
SEEDED=$ROOT/var/bench/posts$POSTS-events$EVENTS-$(cat migrations/*.sql | sha256sum | cut -c1-12).db
if [ ! -f "$SEEDED" ]; then
	echo "bench: making a database with the demo content, $POSTS generated posts and $EVENTS events"
	mkdir -p "$ROOT/var/bench"
	"$BUILD/hcadmin" -c "$CONF" migrate >/dev/null
	"$BUILD/hcadmin" -c "$CONF" seed-demo --posts "$POSTS" --events "$EVENTS" >/dev/null
	sqlite3 "$TMP/hcweb.db" "VACUUM INTO '$SEEDED.tmp'" && mv "$SEEDED.tmp" "$SEEDED"
else
	echo "bench: database $SEEDED"
	cp "$SEEDED" "$TMP/hcweb.db"
	"$BUILD/hcadmin" -c "$CONF" migrate >/dev/null
fi

# /static/ is served from $TMP/root/static: the site's files plus the copy of /.
cp -r "$ROOT/static" "$TMP/root/static"

"$BUILD/hcweb" -c "$CONF" 2>"$TMP/hcweb.log" &
hcweb_pid=$!
pids+=("$hcweb_pid")
for _ in $(seq 50); do [ -S "$TMP/hcweb.sock" ] && break; sleep 0.1; done
[ -S "$TMP/hcweb.sock" ] || { echo "bench: hcweb did not start" >&2; cat "$TMP/hcweb.log" >&2; exit 1; }

# The production template, plus one bench-only location in front of "location /"
# that passes to the null responder, with the same FastCGI parameters.
NGX=$TMP/nginx/nginx.conf
conf/render-nginx.sh conf/nginx.conf.in "$NGX" "$PORT" "$TMP/root" "$TMP" \
	"$TMP/hcweb.sock" "$TMP/uploads" "$NGINX_WORKERS"
sed -i "s|^\(\t*\)location / {|\1location = /bench-null { fastcgi_pass unix:$TMP/null.sock; }\n&|" "$NGX"
sed -i "s|^\(\t*\)location / {|\1location = /bench-null-ics { fastcgi_pass unix:$TMP/null-ics.sock; }\n&|" "$NGX"
grep -q bench-null-ics "$NGX" || { echo "bench: could not add the null locations" >&2; exit 1; }
nginx -c "$NGX" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -g 'daemon off;' &
pids+=("$!")
for _ in $(seq 50); do curl -s -o /dev/null "$URL/" && break; sleep 0.1; done

# The bytes of / become the static file and the null responder's answer.
curl -sf -o "$TMP/root/static/bench.html" "$URL/"
bench/nullfcgi "$TMP/null.sock" "$TMP/root/static/bench.html" "$HCWEB_WORKERS" &
null_pid=$!
pids+=("$null_pid")
for _ in $(seq 50); do [ -S "$TMP/null.sock" ] && break; sleep 0.1; done
# The calendar feed is some hundred times larger than a page: the transport's
# limit for it is a null responder answering with the feed's own bytes.
curl -sf -o "$TMP/feed.ics" "$URL/evenemang.ics"
bench/nullfcgi "$TMP/null-ics.sock" "$TMP/feed.ics" "$HCWEB_WORKERS" &
null_ics_pid=$!
pids+=("$null_ics_pid")
for _ in $(seq 50); do [ -S "$TMP/null-ics.sock" ] && break; sleep 0.1; done

POST=$(sqlite3 "$TMP/hcweb.db" "SELECT slug FROM posts WHERE status = 'published'
	ORDER BY published_at DESC LIMIT 1 OFFSET $((POSTS / 2))")
EVENT=$(sqlite3 "$TMP/hcweb.db" "SELECT slug FROM events WHERE status = 'published'
	ORDER BY starts_at LIMIT 1 OFFSET $((EVENTS / 2))")
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
pages_of() {   # the number of pages of 10 (or $2) that the count $1 fills
	echo $(( ($1 + ${2:-10} - 1) / ${2:-10} ))
}
NEWS_PAGES=$(pages_of "$(sqlite3 "$TMP/hcweb.db" "SELECT count(*) FROM posts
	WHERE status = 'published' AND published_at <= '$NOW'")")
CATEGORY=$(sqlite3 "$TMP/hcweb.db" "SELECT c.slug FROM categories c JOIN posts p ON p.category_id = c.id
	GROUP BY c.id ORDER BY count(*) DESC LIMIT 1")
CATEGORY_PAGES=$(pages_of "$(sqlite3 "$TMP/hcweb.db" "SELECT count(*) FROM posts p JOIN categories c
	ON c.id = p.category_id WHERE c.slug = '$CATEGORY' AND status = 'published' AND published_at <= '$NOW'")")
PAST_PAGES=$(pages_of "$(sqlite3 "$TMP/hcweb.db" "SELECT count(*) FROM events
	WHERE status IN ('published', 'cancelled') AND ends_at <= '$NOW'")" 20)
MONTH=$(TZ=Europe/Stockholm date +%Y-%m)

# What is measured: name=path, one a line. Pages first; "static" and "null"
# are the references every page is compared with. Add pages here (or in
# TARGETS_EXTRA) as the site grows. A name ending in "-miss" is asked with a
# random number after its path (an ignored query value), so that every request
# misses the page cache: what a page costs the first time after a change.
TARGETS="
start=/
nyheter=/nyheter
nyheter-sida-50=/nyheter?sida=50
nyheter-mitten=/nyheter?sida=$(( (NEWS_PAGES + 1) / 2 ))
nyheter-sista=/nyheter?sida=$NEWS_PAGES
nyhet=/nyheter/$POST
kategori-sista=/kategori/$CATEGORY?sida=$CATEGORY_PAGES
evenemang=/evenemang
tidigare-sista=/evenemang/tidigare?sida=$PAST_PAGES
evenemang-en=/evenemang/$EVENT
manad=/evenemang/manad/$MONTH
kalender=/evenemang.ics
kalender-gz=/evenemang.ics
feed=/feed
sok-vanlig=/sok?q=h%C3%A4lsa
sok-ovanlig=/sok?q=kunskaps%C3%B6versikt
sitemap=/sitemap.xml
sitemap-del=/sitemap-nyheter-1.xml
start-miss=/?x=
nyheter-miss=/nyheter?x=
evenemang-miss=/evenemang?x=
${TARGETS_EXTRA:-}
null-kalender=/bench-null-ics
static=/static/bench.html
null=/bench-null
"
if [ -n "${ONLY:-}" ]; then
	keep=
	for t in $TARGETS; do
		case " $ONLY static null " in *" ${t%%=*} "*) keep="$keep $t" ;; esac
	done
	TARGETS=$keep
fi
# A small site has no sitemap parts: /sitemap.xml is the whole list.
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/sitemap-nyheter-1.xml")" = 200 ] ||
	TARGETS=$(tr ' ' '\n' <<<"$TARGETS" | grep -v '^sitemap-del=')

MISS_LUA=$TMP/miss.lua
cat > "$MISS_LUA" <<'LUA'
math.randomseed(os.time())
request = function()
	return wrk.format(nil, wrk.path .. math.random(1, 1000000000))
end
LUA

# Every target must answer 200 before it is timed.
for t in $TARGETS; do
	check=$URL${t#*=}
	case ${t%%=*} in *-miss) check=${check}1 ;; esac
	code=$(curl -s -o /dev/null -w '%{http_code}' "$check")
	[ "$code" = 200 ] || { echo "bench: ${t%%=*} ${t#*=} answered $code" >&2; exit 1; }
done
cmp -s <(curl -s "$URL/bench-null") "$TMP/root/static/bench.html" ||
	{ echo "bench: the null responder's bytes differ from /" >&2; exit 1; }

# wrk's latency in ms ("850.00us", "1.23ms", "1.02s").
to_ms() {
	awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0;
		else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# CPU seconds (user + system, in clock ticks) a process has used so far.
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A RPS P99 CPU
echo "bench: wrk -t2 -c$CONNS -d${DURATION}s on $URL (nginx workers $NGINX_WORKERS, hcweb workers $HCWEB_WORKERS)"
for t in $TARGETS; do
	name=${t%%=*} path=${t#*=}
	script=()
	case $name in *-miss) script=(-s "$MISS_LUA") ;; esac
	timeout 30 wrk -t2 -c"$CONNS" -d1s "${script[@]}" "$URL$path" >/dev/null   # warm up
	# The responder's own CPU time a request: steady even when the machine is busy.
	case $name in
	null) cpid=$null_pid ;;
	null-kalender) cpid=$null_ics_pid ;;
	static) cpid= ;;
	*) cpid=$hcweb_pid ;;
	esac
	c0=${cpid:+$(cpu_ticks "$cpid")}
	hdr=()
	case $name in *-gz) hdr=(-H 'Accept-Encoding: gzip') ;; esac
	out=$(timeout $((DURATION + 30)) wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "${hdr[@]}" "${script[@]}" "$URL$path")
	reqs=$(awk '/requests in/ { print $1 }' <<<"$out")
	CPU[$name]=-
	[ -n "$cpid" ] && CPU[$name]=$(awk -v t=$(( $(cpu_ticks "$cpid") - c0 )) -v n="$reqs" \
		-v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
	if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then
		echo "bench: $name had errors:" >&2
		grep 'Non-2xx\|Socket errors' <<<"$out" >&2
	fi
	RPS[$name]=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' <<<"$out")
	P99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
done

rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$hcweb_pid/status")
if [ -n "${RESULTS:-}" ]; then
	for t in $TARGETS; do
		echo "${t%%=*} ${RPS[${t%%=*}]} ${P99[${t%%=*}]}"
	done >> "$RESULTS"
	echo "rss-kB $rss 0" >> "$RESULTS"
fi
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$hcweb_pid/status")

echo
printf '%-18s %10s %9s %9s %9s %11s\n' target req/s p99-ms "vs null" "vs static" "cpu-us/req"
for t in $TARGETS; do
	name=${t%%=*}
	printf '%-18s %10d %9s %8.0f%% %8.0f%% %11s\n' "$name" "${RPS[$name]}" "${P99[$name]}" \
		"$(awk -v a="${RPS[$name]}" -v b="${RPS[null]}" 'BEGIN { print 100 * a / b }')" \
		"$(awk -v a="${RPS[$name]}" -v b="${RPS[static]}" 'BEGIN { print 100 * a / b }')" \
		"${CPU[$name]}"
done
echo "(cpu-us/req: CPU time of hcweb, or of the null responder, per request; static: nginx only)"
[ -n "${RPS[kalender]:-}" ] && [ -n "${RPS[null-kalender]:-}" ] &&
	printf 'kalender against a null responder of the same %s bytes: %.0f%%\n' "$(wc -c < "$TMP/feed.ics")" \
	"$(awk -v a="${RPS[kalender]}" -v b="${RPS[null-kalender]}" 'BEGIN { print 100 * a / b }')"
echo
echo "hcweb resident memory after the run: $((rss / 1024)) MB (VmRSS $rss kB, peak VmHWM $hwm kB)"
echo "page cache: $PAGE_CACHE_BYTES bytes a worker; micro-cache: ${MICROCACHE:-0}; load before the run: $LOAD0"
echo "pages: /nyheter $NEWS_PAGES, /kategori/$CATEGORY $CATEGORY_PAGES, /evenemang/tidigare $PAST_PAGES"
echo "page: $(wc -c < "$TMP/root/static/bench.html") bytes; posts: $(sqlite3 "$TMP/hcweb.db" 'SELECT count(*) FROM posts'); events: $(sqlite3 "$TMP/hcweb.db" 'SELECT count(*) FROM events')"
