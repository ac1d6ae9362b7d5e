"""dpa on Spark: :meth:`dpa.Agreement.schedule` over a Spark DataFrame.

For a customer table that does not fit one machine::

    from datetime import date
    import dpa, dpa.spark

    belco = dpa.Agreement.from_file("examples/agreements/belco.toml")
    customers = spark.read.parquet("s3://.../customers/")
    due = dpa.spark.schedule(customers, belco, at=date(2027, 3, 1))
    due.write.parquet("s3://.../due/")

Each partition is handed to ``Agreement.schedule`` as Arrow record batches
(``DataFrame.mapInArrow``): the same computation, columns and values as on one
machine and as ``dpa schedule``, with the statuses as strings (Spark has no
dictionary type) and the due instants as Spark timestamps. The agreement is
shipped to the executors once, as a broadcast variable of its JSON form, and
read once per Python worker.

The executors need the wheel with pyarrow (``pip install 'dpa[arrow]'`` on
every node, or ``--archives`` of a packed environment; see docs/python.md,
"Spark"). pyspark is not a dependency of dpa: this module imports it only
when called.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Dict, Literal, Optional

import dpa

if TYPE_CHECKING:
    from dpa._dpa import _ScheduleColumn, _ScheduleDeadline

__all__ = ["schedule"]

# The agreements read on this Python worker, by their JSON text (the
# broadcast's value, loaded once per worker): each is parsed once per worker,
# not once per batch.
_READ: Dict[str, dpa.Agreement] = {}


def _agreement(broadcast: Any) -> dpa.Agreement:
    text: str = broadcast.value
    agreement = _READ.get(text)
    if agreement is None:
        agreement = dpa.Agreement.from_json(text)
        _READ[text] = agreement
    return agreement


def schedule(
    df: Any,
    agreement: dpa.Agreement,
    *,
    at: Optional[date] = None,
    columns: Optional[Mapping[_ScheduleColumn, str]] = None,
    on_error: Literal["fail", "skip"] = "fail",
    detail: bool = False,
    deadlines: Optional[Iterable[_ScheduleDeadline]] = None,
) -> Any:
    """The deadlines of every row of the Spark DataFrame ``df`` under
    ``agreement``: ``df``'s columns followed by each deadline's ``*_due``
    (a date, or a timestamp for the breach notices) and ``*_status`` (a
    string), and ``*_detail`` with ``detail=True``, of the ``deadlines``
    named (default: every deadline ``df``'s event columns start), as
    :meth:`dpa.Agreement.schedule` computes them. ``at`` defaults to today
    (UTC) on the driver, so that every executor uses the same date.

    A bad row fails the Spark job with ``dpa.RowError`` under
    ``on_error="fail"``; under ``"skip"`` it is left out and the
    ``SkippedRowsWarning`` goes to the executor's log. Row numbers in
    either count from 1 within the Arrow batch Spark handed over, not
    within the whole DataFrame; the column and the message say what is
    wrong.
    """
    import pyarrow as pa  # type: ignore[import-untyped]
    from pyspark.sql.pandas.types import (  # type: ignore[import-not-found,unused-ignore]
        from_arrow_schema,
        to_arrow_schema,
    )

    if at is None:
        from datetime import datetime, timezone

        at = datetime.now(timezone.utc).date()
    # The output schema: the schedule of no rows of df's schema, checked on
    # the driver (a missing column or a wrong type fails here, not on the
    # executors), with the statuses as strings.
    # Spark hands timestamps to Arrow in the session's time zone.
    zone = df.sparkSession.conf.get("spark.sql.session.timeZone")
    empty = to_arrow_schema(df.schema, timezone=zone).empty_table()
    selected = list(deadlines) if deadlines is not None else None
    out = agreement.schedule(
        empty, at=at, columns=columns, on_error=on_error, detail=detail, deadlines=selected
    )
    plain = pa.schema(
        [
            f.with_type(pa.string()) if pa.types.is_dictionary(f.type) else f
            for f in out.schema
        ]
    )
    spark_schema = from_arrow_schema(plain, prefer_timestamp_ntz=False)
    target = to_arrow_schema(spark_schema, timezone=zone)
    broadcast = df.sparkSession.sparkContext.broadcast(agreement.to_json())
    mapped = dict(columns) if columns else None

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        a = _agreement(broadcast)
        for batch in batches:
            out = a.schedule(
                batch, at=at, columns=mapped, on_error=on_error, detail=detail, deadlines=selected
            )
            yield out.cast(target)

    return df.mapInArrow(run, spark_schema)
