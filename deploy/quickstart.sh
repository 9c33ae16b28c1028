#!/usr/bin/env bash
# The two commands of the README:
#   deploy/quickstart.sh demo   install what is missing, build, run the kiosk on a demo event
#   deploy/quickstart.sh test   install what is missing, build, run every test (see below)
# and, for developers: test-release | build | bench | sanitize | fuzz [SECONDS]. A second run builds incrementally.
#
# `test` is what CI runs (.ci/run), each stage printing its time: install; one clang build with
# AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer coverage, warnings as errors; every
# test through ctest in it (the fuzz targets replay their corpora and past crashes, label "fuzz");
# each fuzzer for a short time; then the threaded tests under ThreadSanitizer. A test that passes
# only without sanitizers does not pass. `test-release` runs the suite in the GCC release build
# that `demo` and `bench` use; `sanitize` and `fuzz [SECONDS]` are the longer developer runs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
build_dir=${MEETSCAN_BUILD_DIR:-build}
asan_dir=${build_dir}-asan
tsan_dir=${build_dir}-tsan
jobs=$(nproc)
command=${1:-}
[ $# -gt 0 ] && shift

# CI's short fuzzing per target, in seconds (`fuzz` alone defaults to 600).
ci_fuzz_seconds=${MEETSCAN_FUZZ_SECONDS:-10}

# The tests that start threads, for the ThreadSanitizer stage (gtest filters per suite).
tsan_scanner_filter='ScanLoop*:FrameSource*:CameraCycle*:*Thread*'
tsan_core_filter='*Worker*:*Sync*:*Thread*:RosterBulkImport*:RosterStream*:PacketExportParallel.*:LatinFold.*'

usage() {
  echo "usage: deploy/quickstart.sh demo|test|test-release|build|bench|sanitize|fuzz [args]" >&2
  exit 2
}

# ccache when it is there (developer machines); CI's fresh machine builds without it.
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# Sanitizer settings for every process a test starts (the meetscan binary included). Leaks in
# Mesa, fontconfig and friends under Xvfb are theirs: tests/lsan.supp names them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$here/tests/ubsan.supp}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$here/tests/tsan.supp}

timings=()
stage() {
  local name=$1
  shift
  local start=$SECONDS
  echo "== stage $name"
  "$@"
  timings+=("$(printf '%-10s %4d s' "$name" $((SECONDS - start)))")
  echo "== stage $name done in $((SECONDS - start)) s"
}
report() {
  echo "== stage times"
  printf '   %s\n' "${timings[@]}"
}

install_deps() {
  deploy/install-deps.sh
}

build() {
  if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEETSCAN_WERROR=ON \
      "${launcher[@]}"
  fi
  cmake --build "$build_dir" -j "$jobs"
}

# -O1 and line tables only: sanitized builds compile much faster and still point at the line.
sanitized_flags=(-DCMAKE_BUILD_TYPE=Debug -DMEETSCAN_WERROR=ON "-DCMAKE_C_FLAGS_DEBUG=-O1 -gline-tables-only"
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++)

build_asan() {
  if [ ! -f "$asan_dir/build.ninja" ]; then
    cmake -S . -B "$asan_dir" -G Ninja "${sanitized_flags[@]}" "${launcher[@]}" \
      -DMEETSCAN_SANITIZE=address,undefined -DMEETSCAN_FUZZ=ON
  fi
  cmake --build "$asan_dir" -j "$jobs"
}

test_asan() {
  ctest --test-dir "$asan_dir" --output-on-failure -j "$jobs" --timeout 900
}

# Each fuzzer from its seed corpus for $1 seconds, $jobs at a time. New inputs go to a scratch
# corpus (the checked-in one stays small); a crash leaves its input in $asan_dir/fuzz-findings/.
fuzz_all() {
  local seconds=$1
  local findings="$asan_dir/fuzz-findings"
  mkdir -p "$findings"
  local status=0
  local pids=() names=()
  for fuzzer in "$asan_dir"/tests/fuzz/fuzz_*; do
    [ -x "$fuzzer" ] || continue
    local name
    name=$(basename "$fuzzer")
    local scratch="$asan_dir/fuzz-corpus/$name"
    mkdir -p "$scratch"
    local dict=()
    [ -f "tests/fuzz/dict/$name.dict" ] && dict=(-dict="tests/fuzz/dict/$name.dict")
    "$fuzzer" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$findings/$name-" \
      "${dict[@]}" "$scratch" "tests/fuzz/corpus/$name" >"$findings/$name.log" 2>&1 &
    pids+=($!)
    names+=("$name")
    if [ ${#pids[@]} -ge "$jobs" ]; then
      wait_fuzzers || status=1
    fi
  done
  wait_fuzzers || status=1
  return $status
}
wait_fuzzers() {
  local status=0 i
  for i in "${!pids[@]}"; do
    local log="$asan_dir/fuzz-findings/${names[$i]}.log"
    if wait "${pids[$i]}"; then
      echo "   ${names[$i]}: $(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}') runs, no finding"
    else
      echo "   ${names[$i]}: FINDING (input in $asan_dir/fuzz-findings/)"
      tail -n 60 "$log"
      status=1
    fi
  done
  pids=()
  names=()
  return $status
}

build_tsan() {
  if [ ! -f "$tsan_dir/build.ninja" ]; then
    cmake -S . -B "$tsan_dir" -G Ninja "${sanitized_flags[@]}" "${launcher[@]}" \
      -DMEETSCAN_SANITIZE=thread -DMEETSCAN_BUILD_UI=OFF
  fi
  cmake --build "$tsan_dir" -j "$jobs" --target scanner_tests core_tests
}

test_tsan() {
  "$tsan_dir/tests/scanner_tests" --gtest_filter="$tsan_scanner_filter" --gtest_brief=1
  "$tsan_dir/tests/core_tests" --gtest_filter="$tsan_core_filter" --gtest_brief=1
}

case "$command" in
  demo)
    install_deps
    build
    exec "$build_dir/app/meetscan" demo "$@"
    ;;
  test)
    trap report EXIT
    stage install install_deps
    stage build-asan build_asan
    stage test-asan test_asan
    stage fuzz fuzz_all "$ci_fuzz_seconds"
    stage build-tsan build_tsan
    stage test-tsan test_tsan
    ;;
  test-release)
    trap report EXIT
    stage install install_deps
    stage build build
    stage tests ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 600
    ;;
  build)
    install_deps
    build
    ;;
  sanitize)
    install_deps
    build_asan
    test_asan
    build_tsan
    test_tsan
    ;;
  fuzz)
    install_deps
    build_asan
    fuzz_all "${1:-600}"
    ;;
  bench)
    install_deps
    build
    for bench in "$build_dir"/tests/bench_*; do
      [ -x "$bench" ] || continue
      echo "== $(basename "$bench")"
      "$bench"
    done
    ;;
  *)
    usage
    ;;
esac
