"""dpa.spark: the schedule of a Spark DataFrame (pyspark local mode) equals
the single-machine answer of Agreement.schedule on every row.

Source: docs/rules.md, "Schedule statuses"; Belco DPS 1.11 / clause 2.6.3,
DPS 1.13 / clause 2.4.1, GDPR art. 33(1).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

import dpa

pa = pytest.importorskip("pyarrow")
pytest.importorskip("pyspark")

AT = date(2027, 3, 1)
N = 2000

# pyspark 4.3 warns about the pandas 3 of the test environment whenever it
# checks for pandas (mapInArrow, toArrow); dpa.spark does not use pandas.
pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("no java on PATH (scripts/test-python.sh installs openjdk-17-jre-headless)")
    from pyspark.sql import SparkSession

    # The executors' Python is this interpreter (the venv with the wheel).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    # Spark on the loopback interface only.
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dpa-test")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def generated() -> Any:
    """N customers: termination dates over 2024-2027 (month ends included),
    a deletion on some, a breach on some, nulls."""
    start = date(2024, 1, 1)
    ids, terminated, deleted, breach = [], [], [], []
    for i in range(N):
        ids.append(i)
        t = start + timedelta(days=(i * 7919) % 1400) if i % 10 else None
        terminated.append(t)
        deleted.append(t + timedelta(days=(i * 31) % 120) if t is not None and i % 3 == 0 else None)
        breach.append(
            datetime(2027, 2, 27, tzinfo=timezone.utc) + timedelta(minutes=(i * 97) % 5000)
            if i % 25 == 0
            else None
        )
    return pa.table(
        {
            "customer_id": pa.array(ids, pa.int64()),
            "terminated_on": pa.array(terminated, pa.date32()),
            "deleted_on": pa.array(deleted, pa.date32()),
            "breach_discovered_at": pa.array(breach, pa.timestamp("us", tz="UTC")),
        }
    )


def plain(table: Any) -> list[dict[str, Any]]:
    """Rows ordered by customer, statuses as strings, instants in UTC."""
    columns = {}
    for name in table.column_names:
        col = table.column(name)
        if pa.types.is_dictionary(col.type):
            col = col.cast(pa.string())
        elif pa.types.is_timestamp(col.type):
            col = col.cast(pa.timestamp("us", tz="UTC"))
        columns[name] = col
    rows: list[dict[str, Any]] = pa.table(columns).sort_by("customer_id").to_pylist()
    return rows


def test_every_row_equals_the_single_machine_answer(spark: Any, belco: dpa.Agreement) -> None:
    import dpa.spark

    table = generated()
    expected = plain(belco.schedule(table, at=AT))
    # From the Arrow table itself (pyspark 4), not through pandas.
    df = spark.createDataFrame(table).repartition(3)
    out = dpa.spark.schedule(df, belco, at=AT)
    assert out.columns == [f.name for f in belco.schedule(table, at=AT).schema]
    got = plain(out.toArrow())
    assert len(got) == N
    assert got == expected
    statuses = {r["deletion_status"] for r in got}
    assert {"met", "late", "overdue", "pending"} <= statuses


def test_a_bad_column_fails_on_the_driver(spark: Any, belco: dpa.Agreement) -> None:
    import dpa.spark

    df = spark.createDataFrame([(1,)], "customer_id long")
    with pytest.raises(dpa.InvalidInput, match="none of the event columns"):
        dpa.spark.schedule(df, belco, at=AT)


def test_deadlines_selects_the_columns_on_the_executors(spark: Any, belco: dpa.Agreement) -> None:
    # Source: Belco DPS 1.11 / clause 2.6.3 (3 months, clamped) and DPS
    # 1.13 / clause 2.4.1 (24 hours); the single-machine answer with the
    # same selection.
    import dpa.spark

    table = generated()
    expected = plain(belco.schedule(table, at=AT, deadlines=["deletion", "breach-notice"]))
    df = spark.createDataFrame(table).repartition(2)
    out = dpa.spark.schedule(df, belco, at=AT, deadlines=("deletion", "breach-notice"))
    assert out.columns == [
        "customer_id",
        "terminated_on",
        "deleted_on",
        "breach_discovered_at",
        "deletion_due",
        "deletion_status",
        "breach_notice_due",
        "breach_notice_status",
    ]
    assert plain(out.toArrow()) == expected
