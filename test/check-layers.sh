#!/bin/bash
# check-layers.sh: fails when a file of lib/ includes a folder above its own
# layer, or when public/ and admin/ include each other (docs/architecture.md).
# The one exception is the route table, http/routes.c, which names the
# handlers of public/ and admin/. Prints one line per offending include.
# Usage: test/check-layers.sh   (from anywhere; exit 0 when clean)
set -u
cd "$(dirname "$0")/.."

LAYERS=(util site store net http public admin cli)
rank() {
	local i
	for i in "${!LAYERS[@]}"; do
		[ "${LAYERS[$i]}" = "$1" ] && { echo "$i"; return; }
	done
	echo -1
}

bad=0
files=0
for f in lib/*/*.c lib/*/*.h lib/*/*.cc; do
	[ -e "$f" ] || continue
	files=$((files + 1))
	own=${f#lib/}
	own=${own%%/*}
	r_own=$(rank "$own")
	if [ "$r_own" -lt 0 ]; then
		echo "$f: folder $own is not a layer (add it to LAYERS here and in the Makefile)"
		bad=$((bad + 1))
		continue
	fi
	while IFS= read -r line; do
		inc=$(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$line")
		[ -n "$inc" ] || continue
		dir=${inc%%/*}
		if [ "$dir" = "$inc" ]; then
			echo "$f: #include \"$inc\" names no folder"
			bad=$((bad + 1))
			continue
		fi
		r_inc=$(rank "$dir")
		if [ "$f" = lib/http/routes.c ] && { [ "$dir" = public ] || [ "$dir" = admin ]; }; then
			continue
		fi
		if [ "$r_inc" -lt 0 ]; then
			echo "$f: #include \"$inc\": $dir is not a layer"
			bad=$((bad + 1))
		elif [ "$r_inc" -gt "$r_own" ]; then
			echo "$f: #include \"$inc\" goes up from $own/ to $dir/"
			bad=$((bad + 1))
		elif { [ "$own" = public ] && [ "$dir" = admin ]; } ||
		     { [ "$own" = admin ] && [ "$dir" = public ]; }; then
			echo "$f: #include \"$inc\": public/ and admin/ never include each other"
			bad=$((bad + 1))
		fi
	done < <(grep -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f")
done

if [ "$bad" -ne 0 ]; then
	echo "check-layers: $bad include(s) break the layers"
	exit 1
fi
echo "check-layers: $files files, every include within its layer"
