#!/usr/bin/env bash
# The two commands of the README:
#   deploy/quickstart.sh demo   install what is missing, build, run the kiosk on a demo event
#   deploy/quickstart.sh test   install what is missing, build, run every test through ctest
# and, for developers: build | bench. A second run builds incrementally.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
build_dir=${MEETSCAN_BUILD_DIR:-build}
command=${1:-}
[ $# -gt 0 ] && shift

usage() {
  echo "usage: deploy/quickstart.sh demo|test|build|bench [args for meetscan demo]" >&2
  exit 2
}

build() {
  deploy/install-deps.sh
  if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEETSCAN_WERROR=ON
  fi
  cmake --build "$build_dir" -j "$(nproc)"
}

case "$command" in
  demo)
    build
    exec "$build_dir/app/meetscan" demo "$@"
    ;;
  test)
    build
    ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" --timeout 600
    ;;
  build)
    build
    ;;
  bench)
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
