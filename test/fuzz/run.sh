#!/bin/sh
# run.sh: builds the libFuzzer targets with ASan+UBSan and runs each for a bounded time.
# Usage: test/fuzz/run.sh [target ...]   (default: all); FUZZ_SECONDS per target (60).
# New inputs found go to build/fuzz/corpus_<name>; the seeds in test/fuzz/ stay as kept.
set -eu

cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
out=build/fuzz
cc=${FUZZ_CC:-clang}
flags="-std=c17 -D_GNU_SOURCE -g -O1 -Ilib -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
mkdir -p "$out"

sources() {
	case $1 in
	multipart) echo "lib/http/multipart.c lib/util/arena.c lib/util/utf8.c" ;;
	form) echo "lib/http/http.c lib/util/arena.c lib/util/utf8.c" ;;
	ical) echo "lib/site/ical.c lib/util/abuf.c lib/util/collate.c lib/site/eventfmt.c lib/util/timefmt.c lib/util/arena.c" ;;
	mailaddr) echo "lib/util/mailaddr.c lib/util/utf8.c" ;;
	mailheader) echo "lib/site/mailmsg.c lib/util/mailaddr.c lib/util/utf8.c $(pkg-config --cflags --libs gmime-3.0)" ;;
	htmlmd) echo "lib/site/htmlmd.c lib/util/markdown.c lib/util/abuf.c lib/util/arena.c lib/util/utf8.c" ;;
	*) echo "unknown target: $1" >&2; exit 2 ;;
	esac
}

libs() {
	case $1 in
	htmlmd) pkg-config --libs gumbo libcmark-gfm ;;
	esac
}

targets=${*:-"multipart form ical htmlmd mailaddr mailheader"}
status=0
for t in $targets; do
	echo "== fuzz_$t: building"
	# shellcheck disable=SC2046
	$cc $flags -o "$out/fuzz_$t" "test/fuzz/fuzz_$t.c" $(sources "$t") $(libs "$t")
	mkdir -p "$out/corpus_$t" "$out/artifacts_$t"
	echo "== fuzz_$t: running ${seconds}s"
	if ! "$out/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -dict="test/fuzz/$t.dict" -artifact_prefix="$out/artifacts_$t/" \
	    "$out/corpus_$t" "test/fuzz/corpus_$t"; then
		echo "== fuzz_$t: FAILED (crash input in $out/artifacts_$t/)" >&2
		status=1
	fi
done
exit $status
