"""Agreement.schedule and dpa.schedule: the deadlines of a table on Arrow data.

Every answer is checked against the `dpa schedule` command on the same table
(row by row, statuses included), so that the wheel and the command cannot
drift apart. Source of the rules: docs/rules.md, "Schedule statuses"; Belco
DPS 1.11 / clause 2.6.3 (deletion 3 months after termination, clamped to the
month's end), DPS 1.13 / clause 2.4.1 (breach notice 24 hours), clause 2.7.4
(an audit once per rolling 12 months), GDPR art. 33(1) (72 hours).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import warnings
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import dpa

pa = pytest.importorskip("pyarrow")
pacsv = pytest.importorskip("pyarrow.csv")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
AGREEMENTS = ROOT / "examples" / "agreements"
CUSTOMERS = ROOT / "examples" / "tables" / "customers.csv"
AT = date(2027, 3, 1)
# A row whose termination date is no date (30 February): the bad row.
BAD_ROW = "c-008,2027-02-30,,,,\n"


def cargo_dpa(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Runs the `dpa` command of this workspace (built by cargo as needed)."""
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.skip("cargo is not on PATH: cannot run the dpa command")
    return subprocess.run(
        [cargo, "run", "-q", "-p", "dpa-cli", "--", *args],
        cwd=ROOT,
        capture_output=True,
        check=False,
        timeout=1800,
    )


def read_csv_as_text(path: Path) -> Any:
    """The table as `dpa schedule` reads a CSV file: every column text, an
    empty cell null."""
    names = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names}, strings_can_be_null=True
        ),
    )


def rows(table: Any) -> list[dict[str, Any]]:
    """The rows of `table`, statuses as their spellings (the command's
    Parquet file and the wheel's answer may index the dictionary
    differently)."""
    columns = {}
    for name in table.column_names:
        col = table.column(name)
        if pa.types.is_dictionary(col.type):
            col = col.cast(pa.string())
        columns[name] = col
    out: list[dict[str, Any]] = pa.table(columns).to_pylist()
    return out


def command_schedule(tmp_path: Path, table_path: Path, *extra: str) -> tuple[Any, str]:
    """`dpa schedule belco.toml --input TABLE --output out.parquet --at AT`:
    the output table (None if it failed) and stderr."""
    out = tmp_path / "out.parquet"
    o = cargo_dpa(
        "schedule",
        str(AGREEMENTS / "belco.toml"),
        "--input",
        str(table_path),
        "--output",
        str(out),
        "--at",
        AT.isoformat(),
        *extra,
    )
    stderr = o.stderr.decode()
    if o.returncode != 0:
        assert o.returncode == 2, stderr
        return None, stderr
    return pq.read_table(out), stderr


@pytest.fixture
def customers_with_bad_row(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    path.write_text(CUSTOMERS.read_text(encoding="utf-8") + BAD_ROW, encoding="utf-8")
    return path


def test_equals_the_dpa_command_row_by_row(belco: dpa.Agreement, tmp_path: Path) -> None:
    # The bundled table: overdue, met, late, due today, pending, not yet and
    # open, a breach notice met and one due today in Amsterdam.
    expected, stderr = command_schedule(tmp_path, CUSTOMERS)
    assert expected is not None, stderr
    got = belco.schedule(read_csv_as_text(CUSTOMERS), at=AT)
    assert isinstance(got, pa.Table)
    assert got.schema.names == expected.schema.names
    assert rows(got) == rows(expected)
    statuses = {r["deletion_status"] for r in rows(got)}
    assert {"overdue", "met", "late", "due-today", "pending"} <= statuses
    assert rows(got)[0]["deletion_due"] == date(2027, 2, 28)
    assert rows(got)[5]["breach_notice_due"] == datetime(2027, 3, 1, 9, 30, tzinfo=timezone.utc)


def test_a_bad_row_fails_as_the_command_does(
    belco: dpa.Agreement, tmp_path: Path, customers_with_bad_row: Path
) -> None:
    expected, stderr = command_schedule(tmp_path, customers_with_bad_row)
    assert expected is None
    # dpa: error: PATH: row 8: terminated_on: ...
    prefix = f"dpa: error: {customers_with_bad_row}: "
    assert stderr.startswith(prefix), stderr
    with pytest.raises(dpa.RowError) as e:
        belco.schedule(read_csv_as_text(customers_with_bad_row), at=AT)
    assert str(e.value) == stderr[len(prefix) :].strip()
    assert e.value.row == 8
    assert e.value.path == "terminated_on"
    assert str(e.value).startswith("row 8: terminated_on: ")
    assert isinstance(e.value, dpa.InvalidInput)


def test_a_bad_row_is_skipped_as_the_command_skips_it(
    belco: dpa.Agreement, tmp_path: Path, customers_with_bad_row: Path
) -> None:
    expected, stderr = command_schedule(tmp_path, customers_with_bad_row, "--on-error", "skip")
    assert expected is not None, stderr
    # dpa: skipped: PATH: row 8: terminated_on: ...
    skipped = f"dpa: skipped: {customers_with_bad_row}: "
    line = stderr.splitlines()[0]
    assert line.startswith(skipped), stderr
    with pytest.warns(dpa.SkippedRowsWarning) as record:
        got = belco.schedule(read_csv_as_text(customers_with_bad_row), at=AT, on_error="skip")
    assert rows(got) == rows(expected)
    assert got.num_rows == 7
    [w] = record
    assert isinstance(w.message, dpa.SkippedRowsWarning)
    [row] = w.message.rows
    assert (row.row, row.column) == (8, "terminated_on")
    assert f"row {row.row}: {row.column}: {row.message}" == line[len(skipped) :]
    assert "skipped 1 of 8 rows" in str(w.message)


def typed_table() -> Any:
    """Dates as date32, instants as UTC timestamps, one null of each."""
    return pa.table(
        {
            "customer_id": ["a", "b", "c", "d"],
            "terminated_on": pa.array(
                [date(2026, 11, 30), date(2024, 1, 31), None, date(2027, 3, 1)], pa.date32()
            ),
            "deleted_on": pa.array([None, date(2024, 4, 30), None, None], pa.date32()),
            "breach_discovered_at": pa.array(
                [None, None, datetime(2027, 2, 28, 9, 30, tzinfo=timezone.utc), None],
                pa.timestamp("us", tz="UTC"),
            ),
        }
    )


def test_typed_columns_equal_the_command_on_parquet(belco: dpa.Agreement, tmp_path: Path) -> None:
    table = typed_table()
    path = tmp_path / "typed.parquet"
    pq.write_table(table, path)
    expected, stderr = command_schedule(tmp_path, path)
    assert expected is not None, stderr
    got = belco.schedule(table, at=AT)
    assert rows(got) == rows(expected)
    # 31 January 2024 + 3 months: 30 April (the clamp), deleted that day.
    assert rows(got)[1]["deletion_due"] == date(2024, 4, 30)
    assert rows(got)[1]["deletion_status"] == "met"
    assert rows(got)[2]["deletion_status"] is None


def test_record_batch_in_record_batch_out_without_a_copy(belco: dpa.Agreement) -> None:
    batch = typed_table().to_batches()[0]
    out = belco.schedule(batch, at=AT)
    assert isinstance(out, pa.RecordBatch)
    assert out.schema.names[:4] == batch.schema.names
    # The input columns are the input's buffers, not copies of them.
    for name in batch.schema.names:
        assert [b.address for b in out.column(name).buffers() if b is not None] == [
            b.address for b in batch.column(name).buffers() if b is not None
        ], name
    assert out.schema.field("deletion_due").type == pa.date32()
    assert out.schema.field("breach_notice_due").type == pa.timestamp("us", tz="+00:00")
    assert out.schema.field("deletion_status").type == pa.dictionary(pa.int8(), pa.string())


def test_table_of_several_batches_numbers_rows_over_the_table(belco: dpa.Agreement) -> None:
    text = pa.array(["2026-11-30", "2026-12-01", "not a date", "2027-01-31"])
    table = pa.Table.from_batches(
        [
            pa.record_batch({"terminated_on": text.slice(0, 2)}),
            pa.record_batch({"terminated_on": text.slice(2, 2)}),
        ]
    )
    with pytest.raises(dpa.RowError) as e:
        belco.schedule(table, at=AT)
    assert e.value.row == 3
    with pytest.warns(dpa.SkippedRowsWarning):
        out = belco.schedule(table, at=AT, on_error="skip")
    assert out.column("terminated_on").to_pylist() == ["2026-11-30", "2026-12-01", "2027-01-31"]
    assert out.column("deletion_due").to_pylist() == [
        date(2027, 2, 28),
        date(2027, 3, 1),
        date(2027, 4, 30),
    ]
    # The input column of the first batch is the input's buffer.
    assert (
        out.column("terminated_on").chunks[0].buffers()[2].address
        == table.column("terminated_on").chunks[0].buffers()[2].address
    )


def test_polars_and_pandas_give_the_pyarrow_answer(belco: dpa.Agreement) -> None:
    expected = rows(belco.schedule(typed_table(), at=AT))
    pl = pytest.importorskip("polars")
    frame = pl.from_arrow(typed_table())
    assert rows(belco.schedule(frame, at=AT)) == expected
    pd = pytest.importorskip("pandas")
    df = typed_table().to_pandas()
    # pandas keeps dates as objects (date32 on the way back), instants as
    # datetime64[us, UTC].
    assert rows(belco.schedule(pa.Table.from_pandas(df, preserve_index=False), at=AT)) == expected
    assert isinstance(df, pd.DataFrame)


def test_columns_map_other_names_and_detail_adds_citations(belco: dpa.Agreement) -> None:
    table = pa.table({"end_date": pa.array([date(2026, 11, 30)], pa.date32())})
    out = belco.schedule(table, at=AT, columns={"terminated_on": "end_date"}, detail=True)
    assert out.column("deletion_due").to_pylist() == [date(2027, 2, 28)]
    assert out.column("deletion_detail").to_pylist()[0].startswith("DPS 1.11, clause 2.6.3")
    with pytest.raises(dpa.InvalidInput, match="none of the event columns") as e:
        belco.schedule(table, at=AT)
    assert e.value.path == "data"
    with pytest.raises(dpa.InvalidInput, match="unknown on-error `drop`") as e:
        belco.schedule(table, at=AT, columns={"terminated_on": "end_date"}, on_error="drop")  # type: ignore[arg-type]
    assert e.value.path == "on_error"
    with pytest.raises(dpa.InvalidInput) as e:
        belco.schedule(table, at=AT, columns={"ended_on": "end_date"})  # type: ignore[dict-item]
    assert e.value.path == "columns"
    with pytest.raises(TypeError, match="__arrow_c_stream__"):
        belco.schedule([date(2026, 11, 30)], at=AT)  # type: ignore[arg-type]


def test_a_naive_timestamp_is_refused_not_guessed(belco: dpa.Agreement) -> None:
    # docs/rules.md rule 2: an instant without a zone is not guessed.
    table = pa.table(
        {"breach_discovered_at": pa.array([datetime(2027, 2, 28, 9, 30)], pa.timestamp("us"))}
    )
    with pytest.raises(dpa.InvalidInput, match="without a zone is not guessed"):
        belco.schedule(table, at=AT)


def test_several_agreements_by_column(belco: dpa.Agreement, alles_online: dpa.Agreement) -> None:
    table = pa.table(
        {
            "agreement": ["belco", "alles", "belco"],
            "terminated_on": pa.array([date(2026, 11, 30)] * 3, pa.date32()),
        }
    )
    out = dpa.schedule(
        table, {"belco": belco, "alles": alles_online}, agreement_column="agreement", at=AT
    )
    dues = out.column("deletion_due").to_pylist()
    assert dues[0] == belco.deletion_deadline(date(2026, 11, 30))
    assert dues[1] == alles_online.deletion_deadline(date(2026, 11, 30))
    assert dues[2] == dues[0]
    with pytest.raises(dpa.RowError, match="no agreement named `alles`") as e:
        dpa.schedule(table, {"belco": belco}, agreement_column="agreement", at=AT)
    assert (e.value.row, e.value.path) == (2, "agreement")


def test_import_dpa_works_without_pyarrow_and_the_error_says_what_to_install() -> None:
    code = """
import sys
sys.modules["pyarrow"] = None  # import pyarrow raises ImportError
import dpa
belco = dpa.Agreement.from_file(sys.argv[1])
try:
    belco.schedule(object())
except ImportError as e:
    print(e)
else:
    raise SystemExit("no ImportError")
"""
    o = subprocess.run(
        [sys.executable, "-c", code, str(AGREEMENTS / "belco.toml")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert o.returncode == 0, o.stderr
    assert "pip install 'dpa[arrow]'" in o.stdout


def test_skipped_rows_warning_lists_every_row(belco: dpa.Agreement) -> None:
    table = pa.table({"terminated_on": ["bad"] * 7 + ["2026-11-30"]})
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        out = belco.schedule(table, at=AT, on_error="skip")
    assert out.num_rows == 1
    [w] = record
    assert isinstance(w.message, dpa.SkippedRowsWarning)
    assert [r.row for r in w.message.rows] == [1, 2, 3, 4, 5, 6, 7]
    assert "and 2 more" in str(w.message)


def test_the_kept_plan_answers_only_for_its_own_settings(belco: dpa.Agreement) -> None:
    """An `Agreement` keeps the plan of its last `schedule` call (with the
    due dates it computed per event day); a call with another date, other
    column names or another table gets a plan of its own, and every answer
    equals that of an agreement read afresh.

    Source: Belco DPS 1.11 / clause 2.6.3 (3 months, clamped)."""
    days = pa.array(
        [date(2026, 11, 30), date(2026, 12, 1), date(2027, 1, 15), None] * 50, pa.date32()
    )
    table = pa.table({"terminated_on": days})
    renamed = pa.table({"end_date": days})

    def fresh() -> dpa.Agreement:
        return dpa.Agreement.from_file(AGREEMENTS / "belco.toml")

    for at in (AT, date(2026, 1, 1), AT):
        assert belco.schedule(table, at=at).equals(fresh().schedule(table, at=at))
        got = belco.schedule(renamed, at=at, columns={"terminated_on": "end_date"})
        assert got.equals(
            fresh().schedule(renamed, at=at, columns={"terminated_on": "end_date"})
        )
    first = [belco.schedule(table, at=at).column("deletion_status")[0].as_py()
             for at in (date(2026, 1, 1), AT)]
    assert first == ["pending", "overdue"]
    assert belco == fresh()


def test_deadlines_selects_the_result_columns(belco: dpa.Agreement, tmp_path: Path) -> None:
    # Source: Belco DPS 1.11 / clause 2.6.3 (3 months, clamped), clause
    # 2.7.4 / DPS 1.14 (next audit); `dpa schedule --deadlines` on the
    # same table.
    expected, stderr = command_schedule(tmp_path, CUSTOMERS, "--deadlines", "next-audit,deletion")
    assert expected is not None, stderr
    table = read_csv_as_text(CUSTOMERS)
    got = belco.schedule(table, at=AT, deadlines=["next-audit", "deletion"])
    assert got.schema.names == expected.schema.names
    assert got.schema.names[-4:] == [
        "deletion_due",
        "deletion_status",
        "next_audit_due",
        "next_audit_status",
    ]
    assert rows(got) == rows(expected)
    full = rows(belco.schedule(table, at=AT))
    for name in got.schema.names:
        assert [r[name] for r in rows(got)] == [r[name] for r in full], name
    by_column = dpa.schedule(
        table.append_column("agreement", pa.array(["belco"] * table.num_rows)),
        {"belco": belco},
        agreement_column="agreement",
        at=AT,
        deadlines=("deletion",),
    )
    assert by_column.schema.names[-2:] == ["deletion_due", "deletion_status"]


def test_bad_deadline_selections_are_refused(belco: dpa.Agreement) -> None:
    table = pa.table({"terminated_on": pa.array([date(2026, 11, 30)], pa.date32())})
    with pytest.raises(dpa.InvalidInput, match="`deletion_due` is no deadline a schedule computes") as e:
        belco.schedule(table, at=AT, deadlines=["deletion_due"])  # type: ignore[list-item]
    assert e.value.path == "deadlines"
    with pytest.raises(dpa.InvalidInput, match="no deadline named") as e:
        belco.schedule(table, at=AT, deadlines=[])
    assert e.value.path == "deadlines"
    with pytest.raises(TypeError, match="deadlines: expected a list of deadline names"):
        belco.schedule(table, at=AT, deadlines="deletion")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="deadlines: expected str items, got int"):
        belco.schedule(table, at=AT, deadlines=[3])  # type: ignore[list-item]
    with pytest.raises(dpa.InvalidInput, match="needs the event column `breach_discovered_at`") as e:
        belco.schedule(table, at=AT, deadlines=["breach-notice"])
    assert e.value.path == "data"
