"""The deletion dates of a customer table on Spark: ``dpa.spark.schedule``
(``mapInArrow``) against a ``pandas_udf`` doing the month shift with pandas
``DateOffset``, in Spark local mode.

Usage (from the repository root, in an environment with the wheel, pyarrow,
pandas and pyspark 4, and Java 17; ``scripts/test-python.sh`` sets one up)::

    python benches/python/bench_spark.py [--n 2000000] [--runs 5] [--master local[2]]

The table (``customer_id``, ``terminated_on`` as a date drawn uniformly from
2000-01-01 to 2030-12-31) is generated once and written as Parquet into a
temporary directory, outside the timing. Under Belco's agreement
(examples/agreements/belco.toml: 3 months, the clamp rule, no business-day
shift; DPS 1.11, clause 2.6.3) the deletion date is ``terminated_on + 3
months``, clamped to the month's end, which is what pandas'
``DateOffset(months=3)`` computes. dpa does more per row than the
``pandas_udf``: the deletion's status as of a date, and the backup
deletion's date and status.

Each run reads the Parquet table and writes the result to Spark's ``noop``
sink (every row computed, nothing stored); the methods take turns, and the
table gives the medians and their ratio. Before the timing, both methods'
deletion dates are compared row by row inside Spark (``exceptAll`` both
ways, by ``customer_id``): the run stops if one row differs.

Peak memory: the resident set of the whole process tree (this driver, the
JVM, the Python workers), sampled every 20 ms during each method's runs
(``/proc``, Linux); the largest sum seen is reported.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

import dpa
import dpa.spark

ROOT = Path(__file__).resolve().parents[2]
BELCO = ROOT / "examples" / "agreements" / "belco.toml"
AT = date(2027, 3, 1)


def write_table(path: Path, n: int, seed: int) -> None:
    lo = (date(2000, 1, 1) - date(1970, 1, 1)).days
    hi = (date(2030, 12, 31) - date(1970, 1, 1)).days
    d = np.random.default_rng(seed).integers(lo, hi + 1, size=n, dtype=np.int32)
    table = pa.table(
        {
            "customer_id": pa.array(np.arange(n, dtype=np.int64)),
            "terminated_on": pa.array(d, pa.date32()),
        }
    )
    # Eight files, so that both cores get partitions.
    path.mkdir(parents=True)
    step = max(-(-n // 8), 1)
    for i, start in enumerate(range(0, n, step)):
        pq.write_table(table.slice(start, step), path / f"part-{i}.parquet")


def tree_rss_kib(root: int) -> int:
    """The resident set of `root` and all its descendants, in KiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        ppid = 0
        kib = 0
        for line in status.splitlines():
            if line.startswith("PPid:"):
                ppid = int(line.split()[1])
            elif line.startswith("VmRSS:"):
                kib = int(line.split()[1])
        pid = int(entry)
        rss[pid] = kib
        children.setdefault(ppid, []).append(pid)
    total = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


class PeakSampler:
    """Samples the process tree's resident set in a thread while active."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_kib(me))
            self._stop.wait(0.02)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--smoke", action="store_true",
                    help="one short run, to check that the benchmark works (no timing)")
    args = ap.parse_args()
    if args.smoke:
        args.n, args.runs = 5000, 1

    from pyspark.sql import SparkSession
    from pyspark.sql.functions import pandas_udf

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.appName("dpa bench: spark")
        .master(args.master)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    belco = dpa.Agreement.from_file(BELCO)

    @pandas_udf("date")  # type: ignore[call-overload,misc]
    def plus_three_months(s: pd.Series) -> pd.Series:
        return (pd.to_datetime(s) + pd.DateOffset(months=3)).dt.date

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "customers"
        write_table(path, args.n, args.seed)

        def with_dpa() -> Any:
            df = spark.read.parquet(str(path))
            return dpa.spark.schedule(df, belco, at=AT)

        def with_pandas() -> Any:
            df = spark.read.parquet(str(path))
            return df.withColumn("deletion_due", plus_three_months("terminated_on"))

        # Same answers, every row, outside the timing.
        ours = with_dpa().select("customer_id", "deletion_due")
        theirs = with_pandas().select("customer_id", "deletion_due")
        differ = ours.exceptAll(theirs).count() + theirs.exceptAll(ours).count()
        if differ:
            raise SystemExit(f"dpa and pandas differ on {differ} rows")
        if ours.count() != args.n:
            raise SystemExit(f"dpa's output has {ours.count()} rows, not {args.n}")
        if args.smoke:
            print("ok: dpa.spark.schedule and the pandas_udf agree on every row")
            spark.stop()
            return

        methods: dict[str, Callable[[], Any]] = {"dpa": with_dpa, "pandas": with_pandas}
        times: dict[str, list[float]] = {k: [] for k in methods}
        peaks: dict[str, int] = {k: 0 for k in methods}
        for _ in range(args.runs):
            for name, make in methods.items():
                with PeakSampler() as sampler:
                    t = time.perf_counter()
                    make().write.format("noop").mode("overwrite").save()
                    times[name].append(time.perf_counter() - t)
                peaks[name] = max(peaks[name], sampler.peak)

    import pyspark

    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"# {args.n:,} rows, Spark {args.master}, median of {args.runs} runs; "
          f"Python {platform.python_version()}, pyspark {pyspark.__version__}, "
          f"pyarrow {pa.__version__}, pandas {pd.__version__}")
    print("| method | median (s) | vs dpa | peak resident set, driver + JVM + workers (MiB) |")
    print("|---|---:|---:|---:|")
    for k, label in (("dpa", "dpa `dpa.spark.schedule` (`mapInArrow`)"),
                     ("pandas", "`pandas_udf` with `DateOffset(months=3)`")):
        print(f"| {label} | {med[k]:.2f} | {med[k] / med['dpa']:.2f}× | {peaks[k] / 1024:.0f} |")
    spark.stop()


if __name__ == "__main__":
    main()
