"""Adding 3 months to 1,000,000 dates: dpa against dateutil, pandas and numpy.

Usage (from the repository root; ``benches/python/run.sh`` sets up a virtual
environment with pandas, numpy and python-dateutil and runs this)::

    python benches/python/bench_dates.py [--n 1000000] [--runs 7] [--seed 1]

The dates are drawn uniformly from 1900-01-01 to 2100-12-31 (as in the Rust
benchmarks of ``benches/benches/calendar.rs``: month ends and every 29th,
30th and 31st occur), so a million dates repeat: about 73,000 distinct days.
A second data set, ``--distinct``, is a million consecutive days (no date
repeats; years 1000 to 3737) for the worst case of dpa's memo.

Each method is timed once per run, the methods in turn (so that a change in
the machine's speed hits all of them alike), for ``--runs`` runs; the table
gives the median. Every method's result is checked against dateutil's first,
outside the timing. Times include creating the result (and, in the per-call
loops, dropping each result at once, as ``timeit`` would).
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
from dateutil.relativedelta import relativedelta

import dpa
from dpa._dpa import _noop


def numpy_hand_clamp(days: np.ndarray, months: int) -> np.ndarray:
    """datetime64[D] + months with the clamp rule, vectorised by hand."""
    month = days.astype("datetime64[M]")
    day = (days - month.astype("datetime64[D]")).astype(np.int64)  # 0-based day of the month
    target = month + np.timedelta64(months, "M")
    start = target.astype("datetime64[D]")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - start).astype(np.int64)
    return start + np.minimum(day, length - 1).astype("timedelta64[D]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--distinct", action="store_true", help="consecutive days instead of random ones")
    ap.add_argument("--smoke", action="store_true",
                    help="one short run, to check that the benchmark works (no timing)")
    args = ap.parse_args()
    if args.smoke:
        args.n, args.runs = 2000, 1
    elif args.runs < 5:
        sys.exit("use at least 5 runs")

    n, months = args.n, 3
    if args.distinct:
        first = date(1000, 1, 1).toordinal()
        dates = [date.fromordinal(first + i) for i in range(n)]
    else:
        rng = random.Random(args.seed)
        lo, hi = date(1900, 1, 1).toordinal(), date(2100, 12, 31).toordinal()
        dates = [date.fromordinal(rng.randint(lo, hi)) for _ in range(n)]
    days = np.array(dates, dtype="datetime64[D]")
    index = pd.DatetimeIndex(days)
    offset = pd.DateOffset(months=months)
    rd = relativedelta(months=months)
    add_months = dpa.add_months

    def dateutil_loop() -> object:
        return [d + rd for d in dates]

    def pandas_index() -> object:
        return index + offset

    def pandas_from_list() -> object:
        # The same job from the same list of dates: into pandas and back.
        return list((pd.DatetimeIndex(dates) + offset).date)

    def numpy_clamp() -> object:
        return numpy_hand_clamp(days, months)

    def noop_loop() -> object:
        for d in dates:
            _noop(d)
        return None

    def add_months_loop() -> object:
        for d in dates:
            add_months(d, months)
        return None

    def many_list() -> object:
        return dpa.add_months_many(dates, months)

    def many_array() -> object:
        return dpa.add_months_many(days, months)

    # Correctness first, outside the timing.
    expected = dateutil_loop()
    assert many_list() == expected, "add_months_many(list) differs from dateutil"
    assert list(many_array().astype(object)) == expected, "add_months_many(array) differs"
    assert list(numpy_clamp().astype(object)) == expected, "numpy hand clamp differs"
    assert list(pandas_index().date) == expected, "pandas differs"
    assert [add_months(d, months) for d in dates[:10_000]] == expected[:10_000]

    methods: list[tuple[str, Callable[[], object]]] = [
        ("dateutil: [d + relativedelta(months=3) for d in dates]", dateutil_loop),
        ("pandas: DatetimeIndex + DateOffset(months=3)", pandas_index),
        ("pandas, from the list and back: list((DatetimeIndex(dates) + offset).date)", pandas_from_list),
        ("numpy datetime64[D], clamp by hand", numpy_clamp),
        ("trivial pyo3 function, per call: for d in dates: _noop(d)", noop_loop),
        ("dpa.add_months, per call: for d in dates: add_months(d, 3)", add_months_loop),
        ("dpa.add_months_many(list of dates, 3)", many_list),
        ("dpa.add_months_many(datetime64[D] array, 3)", many_array),
    ]
    times: dict[str, list[float]] = {name: [] for name, _ in methods}
    for run in range(args.runs):
        for name, f in methods:
            start = time.perf_counter()
            result = f()
            times[name].append(time.perf_counter() - start)
            del result
        print(f"run {run + 1} of {args.runs} done", file=sys.stderr)

    med = {name: statistics.median(ts) for name, ts in times.items()}
    built = "abi3" if dpa._dpa.__file__.endswith(".abi3.so") else "per-version"
    print(f"Python {platform.python_version()}, dpa {dpa.__version__} ({built} build), numpy {np.__version__}, "
          f"pandas {pd.__version__}; n = {n:,} {'consecutive' if args.distinct else 'random'} dates, "
          f"median of {args.runs} runs")
    print()
    print("| method | median | per date | range |")
    print("|---|---:|---:|---:|")
    for name, _ in methods:
        ts = times[name]
        print(f"| {name} | {med[name] * 1e3:.1f} ms | {med[name] / n * 1e9:.1f} ns | "
              f"{min(ts) * 1e3:.1f}–{max(ts) * 1e3:.1f} ms |")

    def ratio(a: str, b: str) -> float:
        return med[b] / med[a]

    names = [name for name, _ in methods]
    dateutil_, pandas_, pandas_list, _numpy, noop, per_call, many_l, many_a = names
    print()
    print("| target | measured | |")
    print("|---|---:|---|")
    checks = [
        ("add_months_many(list) ≥ 100× the dateutil loop", ratio(many_l, dateutil_), 100.0),
        ("add_months_many(list) ≥ 2× faster than pandas (index op only)", ratio(many_l, pandas_), 2.0),
        ("add_months_many(list) vs pandas from the list and back", ratio(many_l, pandas_list), 2.0),
        ("add_months_many(datetime64[D]) ≥ 4× faster than pandas", ratio(many_a, pandas_), 4.0),
    ]
    for what, value, target in checks:
        print(f"| {what} | {value:.1f}× | {'met' if value >= target else 'MISSED'} |")
    per = med[per_call] / med[noop]
    print(f"| add_months per call ≤ 2× the trivial pyo3 function | {per:.2f}× | {'met' if per <= 2.0 else 'MISSED'} |")


if __name__ == "__main__":
    main()
