"""The deletion dates of 1,000,000 terminated customers: dpa's Arrow path
(``Agreement.schedule`` on a pyarrow table) against pandas ``DateOffset``.

Usage (from the repository root, in an environment with the wheel, pyarrow
and pandas; ``benches/python/run.sh`` sets one up and runs this)::

    python benches/python/bench_schedule.py [--n 1000000] [--runs 7] [--seed 1]

The table has one column ``terminated_on`` of dates drawn uniformly from
2000-01-01 to 2030-12-31 (month ends and every 29th, 30th and 31st occur).
Under Belco's agreement (examples/agreements/belco.toml: 3 months, the clamp
rule, no business-day shift; DPS 1.11, clause 2.6.3) the deletion date is
``terminated_on + 3 months``, clamped to the month's end, which is what
pandas' ``DateOffset(months=3)`` computes on a ``datetime64`` column. dpa is
timed two ways: ``deadlines=["deletion"]``, the deletion date alone as
pandas computes it (and its status as of a date, which comes with it), the
same work; and the default, every deadline the column starts, which also
computes the backup deletion (its due date and status). Both return the
input column with the results.

Each method starts from its own form of the same dates (pyarrow ``date32``
for dpa, a pandas ``datetime64[s]`` Series for pandas, both built outside the
timing) and is timed once per run, the methods in turn, for ``--runs`` runs;
the table gives the medians and the ratio of the medians. dpa is timed
twice per run: on the one ``Agreement`` of the whole benchmark, which keeps
its plan and the due dates it computed per event day from call to call
(its first call is made before the timing, with the comparison of the
answers), and on an ``Agreement`` read afresh before each call (outside the
timing), whose call computes every event day again: a program's first
call. The results are
compared outside the timing (every row). Peak memory: each method runs once
more in a child process of its own (Linux), which resets its peak resident
set after building its input (``/proc/self/clear_refs``) and reports the
resident set before the call and its peak during it (``VmRSS``, ``VmHWM``).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]

import dpa

ROOT = Path(__file__).resolve().parents[2]
BELCO = ROOT / "examples" / "agreements" / "belco.toml"
AT = date(2027, 3, 1)


def days(n: int, seed: int) -> Any:
    """`n` day numbers (days since 1970-01-01), 2000-01-01 to 2030-12-31."""
    lo = (date(2000, 1, 1) - date(1970, 1, 1)).days
    hi = (date(2030, 12, 31) - date(1970, 1, 1)).days
    return np.random.default_rng(seed).integers(lo, hi + 1, size=n, dtype=np.int32)


def arrow_table(d: Any) -> Any:
    return pa.table({"terminated_on": pa.array(d, pa.date32())})


def pandas_series(d: Any) -> Any:
    return pd.Series(d.astype("datetime64[D]").astype("datetime64[s]"))


def run_dpa(belco: dpa.Agreement, table: Any) -> Any:
    return belco.schedule(table, at=AT)


def run_dpa_deletion(belco: dpa.Agreement, table: Any) -> Any:
    return belco.schedule(table, at=AT, deadlines=["deletion"])


DPA = {"dpa": run_dpa, "dpa-deletion": run_dpa_deletion}


def run_pandas(series: Any) -> Any:
    return series + pd.DateOffset(months=3)


def status_kib(field: str) -> int:
    """A field of /proc/self/status, in KiB (`VmRSS`, `VmHWM`)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise SystemExit(f"no {field} in /proc/self/status")


def child(method: str, n: int, seed: int) -> None:
    """One call of `method` in this process; prints the resident set (KiB)
    before it and the peak during it."""
    d = days(n, seed)
    belco = dpa.Agreement.from_file(BELCO)
    data = arrow_table(d) if method in DPA else pandas_series(d)
    del d
    # Resets VmHWM to the current resident set (Linux 4.0 and later).
    Path("/proc/self/clear_refs").write_text("5")
    before = status_kib("VmRSS")
    out = DPA[method](belco, data) if method in DPA else run_pandas(data)
    after = status_kib("VmHWM")
    del out
    print(before, after)


def peak(method: str, n: int, seed: int) -> tuple[int, int]:
    o = subprocess.run(
        [sys.executable, __file__, "--child", method, "--n", str(n), "--seed", str(seed)],
        capture_output=True,
        text=True,
        check=True,
    )
    before, after = o.stdout.split()
    return int(before), int(after)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--child", choices=["dpa", "dpa-deletion", "pandas"], help=argparse.SUPPRESS)
    ap.add_argument("--smoke", action="store_true",
                    help="one short run, to check that the benchmark works (no timing)")
    args = ap.parse_args()
    if args.child:
        child(args.child, args.n, args.seed)
        return
    if args.smoke:
        args.n, args.runs = 2000, 1

    d = days(args.n, args.seed)
    belco = dpa.Agreement.from_file(BELCO)
    table = arrow_table(d)
    series = pandas_series(d)

    # Same answers, every row, outside the timing.
    theirs = run_pandas(series).to_numpy().astype("datetime64[D]")
    # One Agreement per dpa method, each keeping the plan of its own calls.
    kept = {k: dpa.Agreement.from_file(BELCO) for k in DPA}
    for k, run in DPA.items():
        ours = run(kept[k], table).column("deletion_due").to_numpy().astype("datetime64[D]")
        if not np.array_equal(ours, theirs):
            bad = int(np.flatnonzero(ours != theirs)[0])
            raise SystemExit(f"{k} and pandas differ at row {bad}: {ours[bad]} != {theirs[bad]}")

    times: dict[str, list[float]] = {
        "dpa-deletion": [], "dpa-deletion-first": [], "dpa": [], "dpa-first": [], "pandas": []
    }
    for _ in range(args.runs):
        for k, run in DPA.items():
            t = time.perf_counter()
            run(kept[k], table)
            times[k].append(time.perf_counter() - t)
            fresh = dpa.Agreement.from_file(BELCO)
            t = time.perf_counter()
            run(fresh, table)
            times[k + "-first"].append(time.perf_counter() - t)
        t = time.perf_counter()
        run_pandas(series)
        times["pandas"].append(time.perf_counter() - t)
    if args.smoke:
        print("ok: dpa and pandas agree on every row")
        return

    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"# {args.n:,} deletion dates, median of {args.runs} runs; "
          f"Python {platform.python_version()}, pyarrow {pa.__version__}, "
          f"pandas {pd.__version__}, numpy {np.__version__}")
    print("| method | median (ms) | ns per row | pandas ÷ this | "
          "resident set before → peak during the call (MiB) |")
    print("|---|---:|---:|---:|---|")
    for k, label in (("dpa-deletion", "dpa `Agreement.schedule(deadlines=[\"deletion\"])` "
                                      "(pyarrow date32 in, table out), the agreement's next calls"),
                     ("dpa-deletion-first", "the same, an agreement's first call"),
                     ("dpa", "dpa `Agreement.schedule` (every deadline: deletion and backup "
                             "deletion), the agreement's next calls"),
                     ("dpa-first", "the same, an agreement's first call"),
                     ("pandas", "pandas `Series + DateOffset(months=3)` (datetime64[s])")):
        # The child process makes one call: an agreement's first.
        mem = "" if k.endswith("-first") else "{} → {}".format(
            *(round(v / 1024) for v in peak(k, args.n, args.seed)))
        print(f"| {label} | {med[k] * 1e3:.2f} | {med[k] / args.n * 1e9:.1f} "
              f"| {med['pandas'] / med[k]:.1f}× | {mem} |")


if __name__ == "__main__":
    main()
