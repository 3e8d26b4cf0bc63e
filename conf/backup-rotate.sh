#!/bin/sh
# backup-rotate.sh: the nightly backup (conf/hcweb-backup.service): one file a day, 7 daily and 4 weekly kept.
# Usage: backup-rotate.sh CONF DIR
#   CONF  hcweb.conf; DIR  where daily/ and weekly/ are kept
#   env HCADMIN (default /usr/local/bin/hcadmin); TODAY (YYYY-MM-DD) and
#   WEEKDAY (1-7, 7 = Sunday) default to the UTC date (the tests set them).
# The Sunday backup is also kept in weekly/. Names sort by date, so the
# oldest beyond 7 (daily) and 4 (weekly) are deleted.
set -eu

if [ $# -ne 2 ]; then
	echo "usage: $0 CONF DIR" >&2
	exit 2
fi
conf=$1 dir=$2
hcadmin=${HCADMIN:-/usr/local/bin/hcadmin}
today=${TODAY:-$(date -u +%F)}
weekday=${WEEKDAY:-$(date -u +%u)}
case $today in [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]) ;; *) echo "$0: bad date $today" >&2; exit 2 ;; esac

umask 077
mkdir -p "$dir/daily" "$dir/weekly"
file=$dir/daily/hcweb-$today.db
rm -f "$file.tmp"
"$hcadmin" -c "$conf" backup "$file.tmp" >/dev/null
mv -f "$file.tmp" "$file"
if [ "$weekday" = 7 ]; then
	cp -f "$file" "$dir/weekly/hcweb-$today.db"
fi
prune() {   # keeps the newest $2 backups in folder $1
	ls -1 "$1" | grep -E '^hcweb-[0-9]{4}-[0-9]{2}-[0-9]{2}\.db$' | sort -r | tail -n +"$(($2 + 1))" |
	while read -r old; do rm -f "$1/$old"; done
}
prune "$dir/daily" 7
prune "$dir/weekly" 4
echo "backup $file"
