"""The deletion schedule of a customer table on Spark, with dpa.spark.

Reads a Parquet table of customers (``customer_id``, ``terminated_on`` as a
date, optionally ``deleted_on``), computes each row's deletion and backup
deletion deadlines and their status under one agreement, and writes the
result as Parquet; prints the count of rows per deletion status::

    python examples/spark/deletion_schedule.py AGREEMENT.toml IN.parquet OUT.parquet [--at YYYY-MM-DD]

Without ``IN.parquet`` existing, ``--generate N`` first writes a table of N
generated customers there. Runs in local mode by default (``--master
local[2]``); on a cluster, submit it with ``spark-submit`` and the wheel on
every executor (docs/python.md, "Spark").
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, timedelta

import dpa
import dpa.spark


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("agreement")
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--at", type=date.fromisoformat, default=None)
    ap.add_argument("--master", default=None, help="Spark master (default: local[2] unless submitted)")
    ap.add_argument("--generate", type=int, default=0, metavar="N",
                    help="first write N generated customers to INPUT")
    args = ap.parse_args()

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("dpa deletion schedule")
    if args.master or "SPARK_HOME" not in os.environ:
        master = args.master or "local[2]"
        if master.startswith("local"):
            # Local mode: the driver on the loopback interface only.
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = builder.config("spark.driver.host", "127.0.0.1")
        builder = builder.master(master)
    spark = builder.getOrCreate()

    if args.generate:
        start = date(2024, 1, 1)
        rows = [(i, start + timedelta(days=(i * 7919) % 1400)) for i in range(args.generate)]
        spark.createDataFrame(rows, "customer_id long, terminated_on date") \
            .write.mode("overwrite").parquet(args.input)

    agreement = dpa.Agreement.from_file(args.agreement)
    customers = spark.read.parquet(args.input)
    due = dpa.spark.schedule(customers, agreement, at=args.at)
    due.write.mode("overwrite").parquet(args.output)
    for row in due.groupBy("deletion_status").count().orderBy("deletion_status").collect():
        print(f"{row['deletion_status'] or '-'}\t{row['count']}")
    spark.stop()


if __name__ == "__main__":
    main()
