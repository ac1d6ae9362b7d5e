#!/usr/bin/env bash
# The resource-limit harness: each fuzz target's worst accepted inputs
# (fuzz/examples/worst_inputs.rs: the events limit, the nesting limit, the
# sub-processors limit), each run once through the target's body in a
# process of its own under `ulimit -v` (address space) and `ulimit -t`
# (CPU seconds). A target whose work or memory grows faster than its input
# is killed there and the harness fails.
#
#   fuzz/limits.sh            release build: 1 GiB, 10 CPU seconds per input
#   fuzz/limits.sh --quick    the debug build the corpus replay already made
#                             (the README's test command): 2 GiB, 60 s
#
# The bounds are far above what each input needs (FUZZING.md lists the
# measured times) and far below what a quadratic step or a product of
# limits takes: 100,000 notices without a breach took 31 s in release
# before the timeline looked them up.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
mem_kib=$((1024 * 1024))
cpu_s=10
if [ "${1:-}" = "--quick" ]; then
  profile=debug
  mem_kib=$((2 * 1024 * 1024))
  cpu_s=60
fi
flags=(--manifest-path fuzz/Cargo.toml --no-default-features --locked --target-dir target
  --example worst_inputs)
if [ "$profile" = release ]; then flags+=(--release); fi
cargo build --quiet "${flags[@]}"
bin="target/$profile/examples/worst_inputs"

failed=0
while read -r target shape; do
  if (ulimit -v "$mem_kib" -t "$cpu_s"; exec "$bin" "$target" "$shape"); then
    :
  else
    status=$?
    echo "fuzz/limits.sh: FAILED: $target $shape (exit $status; limits ${mem_kib} KiB, ${cpu_s} CPU s)" >&2
    failed=1
  fi
done < <("$bin" --list)
exit "$failed"
