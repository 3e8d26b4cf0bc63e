#!/bin/sh
# render-nginx.sh: writes nginx.conf from conf/nginx.conf.in; the one place the placeholders are filled.
# Usage: render-nginx.sh TEMPLATE OUT PORT ROOT VAR SOCKET UPLOADS WORKERS
# ROOT, VAR, SOCKET and UPLOADS must be absolute paths. The "user root root;"
# line is written only when run as root (nginx would otherwise give its
# workers to nobody, who cannot reach the socket).
# The limits come from the environment, with the production values as defaults:
#   LOGIN_RATE (10r/m) and LOGIN_BURST (5): login POSTs per client address;
#   LOGIN_RATE_ALL (3r/s): login POSTs of the whole site (burst 20);
#   CONN_PER_ADDR (100): open connections per client address.
# MICROCACHE=1 keeps the lines marked "#microcache" (the one-second FastCGI
# cache, docs/deploy.md); otherwise they are left out.
set -eu

if [ $# -ne 8 ]; then
	echo "usage: $0 template out port root var socket uploads workers" >&2
	exit 2
fi
template=$1 out=$2 port=$3 root=$4 var=$5 socket=$6 uploads=$7 workers=$8

case $port in ''|*[!0-9]*) echo "$0: bad port: $port" >&2; exit 2 ;; esac
case $workers in ''|*[!0-9]*) echo "$0: bad workers: $workers" >&2; exit 2 ;; esac
for p in "$root" "$var" "$socket" "$uploads"; do
	case $p in
	/*) ;;
	*) echo "$0: not an absolute path: $p" >&2; exit 2 ;;
	esac
	case $p in
	*[[:space:]\;\'\"\{\}\|\&\\\$\#]*) echo "$0: path has characters nginx.conf cannot take: $p" >&2; exit 2 ;;
	esac
done

login_rate=${LOGIN_RATE:-10r/m}
login_burst=${LOGIN_BURST:-5}
login_rate_all=${LOGIN_RATE_ALL:-3r/s}
conn_per_addr=${CONN_PER_ADDR:-100}
for v in "$login_rate" "$login_rate_all"; do
	case $v in *[!0-9]*r/[sm]) echo "$0: bad rate: $v" >&2; exit 2 ;; [0-9]*r/[sm]) ;; *) echo "$0: bad rate: $v" >&2; exit 2 ;; esac
done
for v in "$login_burst" "$conn_per_addr"; do
	case $v in ''|*[!0-9]*) echo "$0: bad number: $v" >&2; exit 2 ;; esac
done

if [ "$(id -u)" -eq 0 ]; then user_line='user root root;'; else user_line=''; fi

if [ "${MICROCACHE:-0}" = 1 ]; then micro='s| *#microcache$||'; else micro='/#microcache$/d'; fi

tmp="$out.tmp.$$"
sed -e "$micro" \
    -e "s|@PORT@|$port|g" \
    -e "s|@ROOT@|$root|g" \
    -e "s|@VAR@|$var|g" \
    -e "s|@SOCKET@|$socket|g" \
    -e "s|@UPLOADS@|$uploads|g" \
    -e "s|@WORKERS@|$workers|g" \
    -e "s|@USER_LINE@|$user_line|g" \
    -e "s|@LOGIN_RATE@|$login_rate|g" \
    -e "s|@LOGIN_BURST@|$login_burst|g" \
    -e "s|@LOGIN_RATE_ALL@|$login_rate_all|g" \
    -e "s|@CONN_PER_ADDR@|$conn_per_addr|g" \
    "$template" > "$tmp"
if grep -n '@[A-Z_]*@' "$tmp" >&2; then
	rm -f "$tmp"
	echo "$0: placeholders left unfilled in $template" >&2
	exit 1
fi
mv "$tmp" "$out"
