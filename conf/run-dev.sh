#!/bin/bash
# run-dev.sh: the body of `make run`; hcweb and nginx on 127.0.0.1:$PORT with state in var/.
# Usage: conf/run-dev.sh   (env: PORT, default 8080; BUILD, default build;
#        VAR, the state folder, default var/ in the checkout)
# Ctrl-C (or SIGTERM) stops both servers and waits for them. hcweb is a
# supervised child: when it dies (a crash, kill -9) it is started again, as
# systemd's Restart=on-failure does in production; nginx answers its Swedish
# 502 page in between.
set -euo pipefail

PORT=${PORT:-8080}
BUILD=${BUILD:-build}

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
VAR=${VAR:-$ROOT/var}
CONF=$VAR/hcweb.conf
SOCKET=$VAR/hcweb.sock

die() { echo "run-dev: $*" >&2; exit 1; }

case $PORT in ''|*[!0-9]*) die "PORT måste vara ett tal, inte '$PORT'" ;; esac
for prog in hcweb hcadmin; do
	[ -x "$BUILD/$prog" ] || die "$BUILD/$prog saknas; kör make först"
done
command -v nginx >/dev/null || die "nginx är inte installerat"

# Refuse a port someone already listens on rather than fail half-started.
port_in_use() {
	if command -v ss >/dev/null; then
		ss -Htln "sport = :$1" | grep -q .
	else
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
	fi
}
if port_in_use "$PORT"; then
	die "port $PORT är upptagen; stoppa det som lyssnar där eller välj en annan: PORT=8081 make run"
fi

mkdir -p "$VAR/nginx/tmp" "$VAR/uploads" "$VAR/backups"

if [ ! -e "$CONF" ]; then
	(umask 077; cat > "$CONF") <<CONF
# hcweb.conf for development, written by conf/run-dev.sh; see conf/hcweb.conf.example.
database = $VAR/hcweb.db
socket = $SOCKET
workers = 2
site_url = http://127.0.0.1:$PORT
templates = $ROOT/templates
migrations = $ROOT/migrations
backups = $VAR/backups
uploads = $VAR/uploads
# Mail goes into this folder as .eml files until SMTP is configured (README).
mail_spool = $VAR/mail/outbox
CONF
	echo "run-dev: skrev $CONF"
fi
# The site's address follows PORT: logins check that forms come from it.
sed -i "s|^site_url = .*|site_url = http://127.0.0.1:$PORT|" "$CONF"

"$BUILD/hcadmin" -c "$CONF" migrate
if [ ! -e "$VAR/.demo-loaded" ]; then
	"$BUILD/hcadmin" -c "$CONF" seed-demo
	touch "$VAR/.demo-loaded"
fi

"$ROOT/conf/render-nginx.sh" "$ROOT/conf/nginx.conf.in" "$VAR/nginx/nginx.conf" \
	"$PORT" "$ROOT" "$VAR" "$SOCKET" "$VAR/uploads" 1

hcweb_pid=
nginx_pid=
stop() {
	trap - INT TERM EXIT
	local pid
	for pid in $nginx_pid $hcweb_pid; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in $nginx_pid $hcweb_pid; do
		wait "$pid" 2>/dev/null || true
	done
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

# Starts hcweb and waits (at most 5 s) for its socket; its pid goes to
# $VAR/hcweb.pid for the fault tests.
start_hcweb() {
	rm -f "$SOCKET"   # a stale socket would look like a ready hcweb
	"$BUILD/hcweb" -c "$CONF" &
	hcweb_pid=$!
	echo "$hcweb_pid" > "$VAR/hcweb.pid"
	for _ in $(seq 50); do
		[ -S "$SOCKET" ] && return 0
		kill -0 "$hcweb_pid" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}
start_hcweb || die "hcweb startade inte; se meddelandena ovan"

# -e: the error log before the config is read (Debian's default is /var/log/nginx).
nginx -c "$VAR/nginx/nginx.conf" -p "$VAR/nginx" -e "$VAR/nginx/error.log" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 50); do
	port_in_use "$PORT" && break
	kill -0 "$nginx_pid" 2>/dev/null || die "nginx startade inte; se $VAR/nginx/error.log"
	sleep 0.1
done

echo "hcweb körs på http://127.0.0.1:$PORT/ — Ctrl-C stoppar"

# Wait for either server. nginx ending stops everything; hcweb ending by a
# signal we did not send (a crash) or with an error is restarted, at most 5
# times a minute.
set +e
restarts=()
while :; do
	wait -n -p ended "$hcweb_pid" "$nginx_pid"
	status=$?
	if [ "${ended:-}" != "$hcweb_pid" ]; then
		if [ "$status" -eq 0 ]; then   # stopped by a signal (Ctrl-C reaches both servers)
			echo "run-dev: stoppad"
			exit 0
		fi
		echo "run-dev: nginx avslutades (status $status); stoppar" >&2
		exit "$status"
	fi
	if [ "$status" -eq 0 ]; then
		echo "run-dev: stoppad"
		exit 0
	fi
	now=$(date +%s)
	recent=()
	for t in "${restarts[@]}"; do [ $((now - t)) -lt 60 ] && recent+=("$t"); done
	restarts=("${recent[@]}" "$now")
	if [ "${#restarts[@]}" -gt 5 ]; then
		echo "run-dev: hcweb har kraschat ${#restarts[@]} gånger på en minut; stoppar" >&2
		exit "$status"
	fi
	echo "run-dev: hcweb avslutades (status $status); startar om" >&2
	start_hcweb || echo "run-dev: hcweb startade inte om; försöker igen" >&2
done
