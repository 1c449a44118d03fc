#!/usr/bin/env bash
# A long fuzzing run of the engine: bash tests/fuzz/soak.sh [SECONDS] (default 3600).
# New interesting inputs go to tests/fuzz/corpus (commit the useful ones); a crash leaves its
# reproducer in tests/fuzz/crashes (commit it: the test suite replays every file there).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-3600}"
work="$(mktemp -d /tmp/timconv-fuzz-XXXXXX)"
# Built as tests/test_fuzz.py builds it: the engine with its own SQLite (engine_sqlite.c, not
# instrumented, as the tests' engine_sqlite fixture compiles it).
gcc -std=c11 -O1 -fPIC -fvisibility=hidden -c timconv_nb/engine/third_party/engine_sqlite.c -o "$work/engine_sqlite.o"
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Itimconv_nb/engine/include -Itimconv_nb/engine/src \
  -Itimconv_nb/engine/third_party/sqlite tests/fuzz/fuzz_engine.c $(find timconv_nb/engine/src -name '*.c' | sort) \
  "$work/engine_sqlite.o" -lcrypto -lz -lpthread -lm -o "$work/fuzz_engine"
mkdir -p "$work/data"
TIMCONV_FUZZ_DIR="$work/data" "$work/fuzz_engine" -max_total_time="$seconds" -timeout=15 -rss_limit_mb=3000 \
  -dict=tests/fuzz/engine.dict -artifact_prefix=tests/fuzz/crashes/ tests/fuzz/corpus
echo "soak run of $seconds s finished without a crash (work folder: $work)"
