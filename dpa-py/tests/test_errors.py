"""Every error path, and the mapping of every dpa-core error to an exception."""

from __future__ import annotations

import errno
import os
import pickle
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import dpa
from dpa import exceptions

UTC = timezone.utc


def test_hierarchy() -> None:
    assert issubclass(dpa.DpaError, Exception)
    for cls in (dpa.ParseError, dpa.ValidationError, dpa.InvalidInput):
        assert issubclass(cls, dpa.DpaError) and issubclass(cls, ValueError)
    assert issubclass(dpa.OutOfRange, dpa.InvalidInput)
    assert issubclass(dpa.OutOfRange, OverflowError)
    assert dpa.ParseError is exceptions.ParseError


def test_bad_toml_has_line_and_column() -> None:
    with pytest.raises(dpa.ParseError) as e:
        dpa.Agreement.from_toml("dpa_format = 1\n[rules\n")
    assert (e.value.line, e.value.column) == (2, 7)
    assert e.value.path is None
    assert "line 2, column 7" in str(e.value)


def test_bad_json_has_line_and_column() -> None:
    with pytest.raises(dpa.ParseError) as e:
        dpa.Agreement.from_json('{"dpa_format": 1,\n  "rules": }')
    assert e.value.line == 2
    assert e.value.column is not None


def test_invalid_field_has_path_line_and_column(belco_toml: str) -> None:
    bad = belco_toml.replace('seat = "FR"', 'seat = "usa"', 1)
    with pytest.raises(dpa.ValidationError) as e:
        dpa.Agreement.from_toml(bad)
    err = e.value
    assert err.path == "statement.sub_processors[0].seat"
    # The line of the changed value, counted in the text (1-based), and the
    # column of its opening quote after `seat = `.
    line = belco_toml[: belco_toml.index('seat = "FR"')].count("\n") + 1
    assert (err.line, err.column) == (line, 8)
    assert "did you mean `US`?" in str(err)


def test_unknown_field(belco_toml: str) -> None:
    bad = belco_toml.replace("months = 3", "mnths = 3", 1)
    with pytest.raises(dpa.ValidationError) as e:
        dpa.Agreement.from_toml(bad)
    assert e.value.path == "terms.deletion.mnths"
    assert e.value.line == belco_toml.split("months = 3")[0].count("\n") + 1


def test_value_out_of_bounds(belco: dpa.Agreement) -> None:
    bad = belco.to_json().replace('"months": 3', '"months": 121', 1)
    with pytest.raises(dpa.ValidationError) as e:
        dpa.Agreement.from_json(bad)
    assert e.value.path == "terms.deletion.months"


def test_too_large_and_not_utf8() -> None:
    with pytest.raises(dpa.ParseError, match="more than the limit"):
        dpa.Agreement.from_toml("#" * (16 * 1024 * 1024 + 1))
    with pytest.raises(dpa.ParseError, match="not valid UTF-8"):
        dpa.Agreement.from_json(b'{"dpa_format": \xff}')


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as e:
        dpa.Agreement.from_file(tmp_path / "missing.toml")
    assert e.value.filename == str(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("dpa_format = 1\n[rules\n", encoding="utf-8")
    with pytest.raises(dpa.ParseError) as pe:
        dpa.Agreement.from_file(bad)
    assert str(pe.value).startswith(str(bad))
    assert pe.value.line == 2


def test_file_read_errors_are_os_errors(tmp_path: Path) -> None:
    # A directory opens, and reading it fails: the errno picks the class.
    with pytest.raises(IsADirectoryError) as e:
        dpa.Agreement.from_file(tmp_path)
    assert e.value.filename == str(tmp_path)
    assert e.value.errno == errno.EISDIR


def test_file_format_by_name_as_dpa_core_tells(belco: dpa.Agreement, tmp_path: Path) -> None:
    """The name decides (`.toml`, `.json` in any case); any other name leaves it to the text."""
    (tmp_path / "a.TOML").write_text(belco.to_toml(), encoding="utf-8")
    (tmp_path / "a.Json").write_text(belco.to_json(), encoding="utf-8")
    (tmp_path / "agreement.txt").write_text(belco.to_toml(), encoding="utf-8")
    (tmp_path / "agreement.json.txt").write_text(belco.to_json(), encoding="utf-8")
    for name in ("a.TOML", "a.Json", "agreement.txt", "agreement.json.txt"):
        assert dpa.Agreement.from_file(tmp_path / name) == belco
    # A `.json` name is read as JSON, whatever the text.
    (tmp_path / "toml.json").write_text(belco.to_toml(), encoding="utf-8")
    with pytest.raises(dpa.ParseError, match="this looks like TOML, not JSON"):
        dpa.Agreement.from_file(tmp_path / "toml.json")


def test_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with open(big, "wb") as f:
        f.truncate(16 * 1024 * 1024 + 1)  # sparse: nothing is written
    with pytest.raises(dpa.ParseError) as e:
        dpa.Agreement.from_file(big)
    assert str(e.value) == f"{big}: document is 16777217 bytes, more than the limit of 16777216 bytes"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_endless_device_stops_at_the_limit() -> None:
    with pytest.raises(dpa.ParseError) as e:
        dpa.Agreement.from_file("/dev/zero")
    assert str(e.value) == (
        "/dev/zero: document is more than the limit of 16777216 bytes (reading stopped there)"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_read_with_the_interpreter_released(belco_toml: str, tmp_path: Path) -> None:
    """A FIFO written by another Python thread: from_file releases the
    interpreter while it opens and reads, so the writer can run. In a
    subprocess with a timeout, so that a hang fails the test."""
    code = textwrap.dedent(
        """
        import os, sys, threading
        import dpa

        path, toml = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()

        def write(data: bytes, endless: bool) -> None:
            try:
                with open(path, "wb") as f:
                    f.write(data)
                    while endless:
                        f.write(b" " * 65536)
            except BrokenPipeError:
                pass

        os.mkfifo(path)
        t = threading.Thread(target=write, args=(toml.encode(), False))
        t.start()
        a = dpa.Agreement.from_file(path)
        t.join()
        assert a.processor_name == "Belco B.V.", a
        t = threading.Thread(target=write, args=(b"# comment\\n", True))
        t.start()
        try:
            dpa.Agreement.from_file(path)
        except dpa.ParseError as e:
            assert "more than the limit of 16777216 bytes (reading stopped there)" in str(e), e
        else:
            raise AssertionError("an endless FIFO was read")
        t.join()
        print("ok")
        """
    )
    toml = tmp_path / "belco.toml"
    toml.write_text(belco_toml, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "fifo.toml"), str(toml)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_naive_datetime_is_refused(belco: dpa.Agreement) -> None:
    with pytest.raises(dpa.InvalidInput, match="naive datetime"):
        belco.breach_notice_deadline(datetime(2026, 3, 28, 10, 30))


def test_datetime_for_a_date_is_refused(belco: dpa.Agreement) -> None:
    aware = datetime(2026, 11, 30, tzinfo=UTC)
    for call in (
        lambda: belco.deletion_deadline(aware),
        lambda: belco.next_audit_allowed(aware),
        lambda: belco.check(aware),
        lambda: dpa.add_months(aware, 1),
        lambda: dpa.is_nl_public_holiday(aware),
        lambda: dpa.next_business_day(aware),
    ):
        with pytest.raises(dpa.InvalidInput, match="got a datetime"):
            call()
    with pytest.raises(dpa.InvalidInput) as e:
        dpa.add_months_many([date(2026, 1, 1), aware], 1)
    assert e.value.path == "dates[1]"


def test_wrong_types_raise_type_error(belco: dpa.Agreement) -> None:
    with pytest.raises(TypeError):
        belco.deletion_deadline("2026-11-30")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        belco.breach_notice_deadline(date(2026, 3, 28))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"dates\[1\]"):
        dpa.add_months_many([date(2026, 1, 1), "2026-01-02"], 1)  # type: ignore[list-item]
    with pytest.raises(TypeError):
        dpa.Agreement.from_json(42)  # type: ignore[arg-type]


def test_out_of_range() -> None:
    with pytest.raises(dpa.OutOfRange):
        dpa.add_months(date(9999, 12, 1), 1)
    with pytest.raises(dpa.OutOfRange):
        dpa.add_months(date(1, 1, 31), -1)
    with pytest.raises(OverflowError):  # as date + timedelta would
        dpa.add_months(date(1, 1, 31), -1)
    with pytest.raises(dpa.OutOfRange):
        dpa.add_months_many([date(2000, 1, 1)] * 100 + [date(9999, 12, 31)], 1)
    with pytest.raises(dpa.OutOfRange):
        dpa.nl_public_holidays(10_000)


def test_out_of_range_deadline(belco: dpa.Agreement) -> None:
    with pytest.raises(dpa.OutOfRange):
        belco.deletion_deadline(date(9999, 11, 30))
    with pytest.raises(dpa.OutOfRange):
        belco.breach_notice_deadline(datetime(9999, 12, 31, 12, tzinfo=UTC))


def test_invalid_argument_from_core(alles_online: dpa.Agreement) -> None:
    # Alles Online states no service level.
    with pytest.raises(dpa.InvalidInput) as e:
        alles_online.deadline("service-response", datetime(2026, 5, 14, 20, tzinfo=UTC), impact="low")
    assert e.value.path == "statement.service_level"


def test_unknown_month_rule() -> None:
    with pytest.raises(dpa.InvalidInput) as e:
        dpa.add_months(date(2026, 1, 31), 1, rule="nearest")  # type: ignore[arg-type]
    assert e.value.path == "rule"


def test_exceptions_pickle() -> None:
    err = dpa.ValidationError("x: bad", "x", 3, 4)
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), str(back), back.path, back.line, back.column) == (dpa.ValidationError, "x: bad", "x", 3, 4)
    # The classes with an attribute more keep it, given by position or by
    # name, and stay what they were.
    row = pickle.loads(pickle.dumps(dpa.RowError("row 3: terminated_on: bad", "terminated_on", row=3)))
    assert (type(row), str(row), row.path, row.line, row.column, row.row) == (
        dpa.RowError,
        "row 3: terminated_on: bad",
        "terminated_on",
        None,
        None,
        3,
    )
    not_one = dpa.NotAStatement("not a Data Pro Statement", "statement", None, None, "no part heading")
    back_not = pickle.loads(pickle.dumps(not_one))
    assert (type(back_not), str(back_not), back_not.path, back_not.reason) == (
        dpa.NotAStatement,
        "not a Data Pro Statement",
        "statement",
        "no part heading",
    )
    for e in (row, back_not):
        assert isinstance(e, dpa.InvalidInput) and isinstance(e, ValueError)


def test_utc_offset_with_seconds_is_fine(belco: dpa.Agreement) -> None:
    odd = timezone(timedelta(hours=1, minutes=30, seconds=15))
    due = belco.breach_notice_deadline(datetime(2026, 3, 28, 10, 30, tzinfo=odd))
    assert due == datetime(2026, 3, 29, 8, 59, 45, tzinfo=UTC)


# ---------------------------------------------------------------------------
# Errors a person can act on (issue 15 point 7)


def _seat(belco_toml: str, name: str) -> str:
    return belco_toml.replace('seat = "FR"', f'seat = "{name}"', 1)


def test_values_are_described_in_the_formats_words(belco_toml: str, belco: dpa.Agreement) -> None:
    """Source: issue 15 point 7 ("no internal names or Rust syntax in
    messages ...: \"a whole number of months, e.g. 3\"; `3 maanden` gets
    that hint")."""
    for text, read in (
        (belco_toml.replace("months = 3\n", 'months = "3 maanden"\n', 1), dpa.Agreement.from_toml),
        (belco.to_json().replace('"months": 3', '"months": "3 maanden"', 1), dpa.Agreement.from_json),
    ):
        with pytest.raises(dpa.ValidationError) as e:
            read(text)
        assert e.value.path == "terms.deletion.months"
        assert "expected a whole number of months, e.g. 3" in str(e.value)
        assert "write the number alone" in str(e.value)
        assert "i64" not in str(e.value)
    with pytest.raises(dpa.ValidationError) as notice:
        dpa.Agreement.from_toml(
            belco_toml.replace('notice = { kind = "within-hours", hours = 24 }', 'notice = "24 uur"', 1)
        )
    assert notice.value.path == "terms.breach.notice"
    assert "expected a notice term" in str(notice.value)
    assert "struct" not in str(notice.value) and "Repr" not in str(notice.value)
    with pytest.raises(dpa.ValidationError) as year:
        dpa.Agreement.from_toml(belco_toml.replace("effective_date = 2022-01-04", "effective_date = 0000-01-04", 1))
    assert "the year must be from 1 to 9999" in str(year.value)
    assert "..=" not in str(year.value)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Nederland", "NL"),
        ("Holland", "NL"),
        ("VS", "US"),
        ("Verenigde Staten", "US"),
        ("Amerika", "US"),
        ("Duitsland", "DE"),
        ("UK", "GB"),
        ("USA", "US"),
    ],
)
def test_country_names_get_their_codes(belco_toml: str, name: str, code: str) -> None:
    """Source: issue 15 point 7 (country names in Dutch and English get
    "did you mean"); Unicode CLDR territory names (nl, en)."""
    with pytest.raises(dpa.ValidationError) as e:
        dpa.Agreement.from_toml(_seat(belco_toml, name))
    assert e.value.path == "statement.sub_processors[0].seat"
    assert f"did you mean `{code}`" in str(e.value)


def test_byte_order_marks_are_accepted(belco_toml: str, belco: dpa.Agreement, tmp_path: Path) -> None:
    """Source: issue 15 point 7 ("a BOM is accepted in TOML and JSON alike")."""
    assert dpa.Agreement.from_toml("\ufeff" + belco_toml) == belco
    assert dpa.Agreement.from_toml(b"\xef\xbb\xbf" + belco_toml.encode()) == belco
    assert dpa.Agreement.from_json("\ufeff" + belco.to_json()) == belco
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + belco.to_json().encode())
    assert dpa.Agreement.from_file(tmp_path / "bom.json") == belco
    (tmp_path / "bom.toml").write_text(belco_toml, encoding="utf-8-sig")
    assert dpa.Agreement.from_file(tmp_path / "bom.toml") == belco


def test_other_encodings_are_named_with_the_line(belco_toml: str, tmp_path: Path) -> None:
    """Source: issue 15 point 7 ("a file that is not UTF-8 says so and
    guesses what it is (Windows-1252, UTF-16) with the line")."""
    ansi = tmp_path / "ansi.toml"
    ansi.write_bytes(belco_toml.encode("cp1252", errors="replace"))
    with pytest.raises(dpa.ParseError) as e:
        dpa.Agreement.from_file(ansi)
    assert (e.value.line, e.value.column) == (1, belco_toml.splitlines()[0].index("\u2014") + 1)
    assert "at line 1, column" in str(e.value)
    assert "it looks like Windows-1252" in str(e.value)
    for encoding, name in (("utf-16", "little-endian"), ("utf-16-be", "big-endian")):
        with pytest.raises(dpa.ParseError, match=f"it looks like UTF-16 \\({name}\\)"):
            dpa.Agreement.from_toml(belco_toml.encode(encoding))


def test_json_as_toml_and_toml_as_json(belco_toml: str, belco: dpa.Agreement, tmp_path: Path) -> None:
    """Source: issue 15 point 7 ("JSON saved as `.toml` (or the reverse) says
    \"this looks like JSON\"")."""
    (tmp_path / "json.toml").write_text(belco.to_json(), encoding="utf-8")
    with pytest.raises(dpa.ParseError, match="this looks like JSON, not TOML") as e:
        dpa.Agreement.from_file(tmp_path / "json.toml")
    assert (e.value.line, e.value.column) == (1, 1)
    with pytest.raises(dpa.ParseError, match="this looks like TOML, not JSON"):
        dpa.Agreement.from_json(belco_toml)


def test_every_missing_field_in_one_error(belco_toml: str) -> None:
    """Source: issue 15 point 7 ("every missing required field reported in
    one run (up to a cap), not one per run")."""
    text = belco_toml
    for line in (
        "effective_date = 2022-01-04",
        "significant_changes_notified = true",
        'name = "Belco B.V."\n',
    ):
        text = text.replace(line, "", 1)
    with pytest.raises(dpa.ValidationError) as e:
        dpa.Agreement.from_toml(text)
    assert e.value.path == "statement.processor"
    assert str(e.value).endswith(
        "missing field `name`; also missing: `statement.effective_date`, `terms.statement_changes.significant_changes_notified`"
    )


def test_an_event_error_names_the_faulty_event(belco: dpa.Agreement, belco_events: str) -> None:
    """Source: issue 15 point 7 ("an error in an events file points at the
    faulty event (`events[7].at`), not the first")."""
    bad = belco_events.replace("date = 2027-02-12", "at = 2027-02-12T10:00:00Z", 1)
    line = next(i for i, l in enumerate(bad.splitlines(), 1) if l.startswith("at = 2027-02-12"))
    with pytest.raises(dpa.ValidationError) as e:
        belco.timeline(bad, at=date(2027, 3, 1))
    assert e.value.path == "events[7].at"
    assert e.value.line == line
    assert "`data-deleted` happens on a date" in str(e.value)


def test_holidays_before_the_act_and_outside_the_years() -> None:
    """Source: issue 15 point 7 (years before the Act applies, 1 April 1965,
    say so instead of returning an empty list); Atw (Stb. 1964, 314)."""
    for year in (1, 1964):
        with pytest.raises(dpa.OutOfRange) as e:
            dpa.nl_public_holidays(year)
        assert e.value.path == "year"
        assert str(e.value) == (
            f"year: out of range: year {year} is before the Algemene termijnenwet came into force "
            "(1 April 1965), so it has no holidays under the Act"
        )
    for year in (0, -5):
        with pytest.raises(dpa.OutOfRange, match="outside the years 1 to 9999"):
            dpa.nl_public_holidays(year)
    assert dpa.nl_public_holidays(1965)[0] == date(1965, 4, 16)
