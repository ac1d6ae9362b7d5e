"""add_months against dateutil, add_months_many on lists and numpy arrays,
and the Dutch holidays."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

import dpa

HAS_NUMPY = importlib.util.find_spec("numpy") is not None
needs_numpy = pytest.mark.skipif(not HAS_NUMPY, reason="numpy is not installed")

all_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
months = st.integers(min_value=-1200, max_value=1200)


def target_year(d: date, n: int) -> int:
    return (d.year * 12 + d.month - 1 + n) // 12


@settings(max_examples=2000, deadline=None)
@given(all_dates, months)
def test_add_months_is_dateutil_clamp(d: date, n: int) -> None:
    """Where the result is in the years 1 to 9999 both give the same date;
    elsewhere both refuse (dpa with OutOfRange, dateutil with ValueError or
    OverflowError), never one of them only."""
    if 1 <= target_year(d, n) <= 9999:
        assert dpa.add_months(d, n) == d + relativedelta(months=n)
    else:
        with pytest.raises(dpa.OutOfRange):
            dpa.add_months(d, n)
        with pytest.raises((ValueError, OverflowError)):
            d + relativedelta(months=n)


@settings(max_examples=300, deadline=None)
@given(st.lists(all_dates, max_size=600), st.integers(min_value=-24, max_value=24))
def test_add_months_many_is_add_months(ds: list[date], n: int) -> None:
    ds = [d for d in ds if 1 <= target_year(d, n) <= 9999]
    expected = [dpa.add_months(d, n) for d in ds]
    assert dpa.add_months_many(ds, n) == expected
    assert dpa.add_months_many(tuple(ds), n) == expected
    assert dpa.add_months_many(iter(ds), n) == expected


def test_clamp_examples() -> None:
    assert dpa.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert dpa.add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert dpa.add_months(date(2016, 2, 29), 3) == date(2016, 5, 29)
    assert dpa.add_months(date(2026, 5, 31), -3) == date(2026, 2, 28)
    assert dpa.add_months(date(2024, 1, 31), 2) == date(2024, 3, 31)  # whole term at once
    assert dpa.add_months(d=date(2024, 1, 31), n=0) == date(2024, 1, 31)


def test_the_default_rule_is_dpa_cores() -> None:
    """Without `rule`, the rule an agreement file that names none has: clamp."""
    d = date(2026, 2, 28)
    assert dpa.add_months(d, 3) == dpa.add_months(d, 3, rule=None) == dpa.add_months(d, 3, rule="clamp")
    assert dpa.add_months(d, 3) == date(2026, 5, 28)
    assert dpa.add_months_many([d] * 300, 3) == dpa.add_months_many([d] * 300, 3, rule="clamp")


def test_out_of_range_messages_are_dpa_cores() -> None:
    """The year range is dpa-core's: its message, named by the argument
    (message and `path`)."""
    with pytest.raises(dpa.OutOfRange) as e:
        dpa.add_months(date(9999, 12, 1), 1)
    assert str(e.value) == "d: out of range: 9999-12-01 + 1 months is outside the years 1 to 9999"
    assert e.value.path == "d"
    with pytest.raises(dpa.OutOfRange) as e:
        dpa.add_months(date(1, 1, 15), -1, rule="thirty-days")
    assert str(e.value) == "d: out of range: 0001-01-15 + -1 months is outside the years 1 to 9999"
    for items in ([date(2000, 1, 1), date(9999, 12, 31)], [date(2000, 1, 1)] * MEMO_AT + [date(9999, 12, 31)]):
        with pytest.raises(dpa.OutOfRange) as e:
            dpa.add_months_many(items, 1)
        i = len(items) - 1
        assert str(e.value) == f"dates[{i}]: out of range: 9999-12-31 + 1 months is outside the years 1 to 9999"
        assert e.value.path == f"dates[{i}]"
    for year in (0, 10_000):
        with pytest.raises(dpa.OutOfRange) as e:
            dpa.nl_public_holidays(year)
        assert str(e.value) == f"year: out of range: year {year} is outside the years 1 to 9999"
        assert e.value.path == "year"


def test_other_month_rules() -> None:
    assert dpa.add_months(date(2026, 2, 28), 3, rule="month-end-sticky") == date(2026, 5, 31)
    assert dpa.add_months(date(2026, 2, 28), 3, rule="thirty-days") == date(2026, 5, 29)
    assert dpa.add_months_many([date(2026, 2, 28)] * 100, 3, rule="month-end-sticky") == [date(2026, 5, 31)] * 100


def test_add_months_many_large_list() -> None:
    start = date(2000, 1, 1)
    ds = [start + timedelta(days=i % 3000) for i in range(50_000)]
    out = dpa.add_months_many(ds, 3)
    assert out == [d + relativedelta(months=3) for d in ds]
    assert dpa.add_months_many([], 3) == []


def test_add_months_many_wide_range() -> None:
    ds = [date(1, 1, 31), date(9999, 9, 30), date(4000, 2, 29)] * 100
    assert dpa.add_months_many(ds, 3) == [d + relativedelta(months=3) for d in ds]


def test_add_months_many_takes_date_subclasses() -> None:
    class MyDate(date):
        pass

    assert dpa.add_months_many([MyDate(2024, 1, 31)], 1) == [date(2024, 2, 29)]
    assert dpa.add_months(MyDate(2024, 1, 31), 1) == date(2024, 2, 29)


# Batches of at least this many dates take the memo path (MEMO_AT in
# dpa-py/src/calendar.rs); shorter ones are shifted date by date.
MEMO_AT = 256


def test_add_months_many_memo_path_takes_subclasses_and_names_bad_items() -> None:
    class MyDate(date):
        pass

    ds: list[date] = [date(2024, 1, 31)] * MEMO_AT + [MyDate(2023, 1, 31)]
    out = dpa.add_months_many(ds, 1)
    assert out[-1] == date(2023, 2, 28) and type(out[-1]) is date
    assert all(type(d) is date for d in out)
    for bad, error in ((datetime(2024, 1, 1), dpa.InvalidInput), ("2024-01-01", TypeError)):
        items = [date(2024, 1, 31)] * MEMO_AT + [bad]
        for batch in (items, tuple(items)):
            with pytest.raises(error, match=rf"dates\[{MEMO_AT}\]"):
                dpa.add_months_many(batch, 1)  # type: ignore[arg-type]
    with pytest.raises(dpa.OutOfRange, match=rf"^dates\[{MEMO_AT}\]: out of range: 9999-12-31 \+ 1 months") as e:
        dpa.add_months_many([date(2000, 1, 1)] * MEMO_AT + [date(9999, 12, 31)], 1)
    assert e.value.path == f"dates[{MEMO_AT}]"


def test_add_months_many_shares_results_and_counts_references() -> None:
    """Equal results are one object, holding exactly one reference per place
    in the list; the input dates' reference counts are left as they were."""
    a, b = date(2024, 1, 31), date(2023, 5, 31)
    ds = [a, b] * 500
    # Counted in plain statements: pytest's assertion rewriting holds
    # references of its own to the values inside an `assert`.
    before = (sys.getrefcount(a), sys.getrefcount(b))
    out = dpa.add_months_many(ds, 1)
    after = (sys.getrefcount(a), sys.getrefcount(b))
    counts = (sys.getrefcount(out[0]), sys.getrefcount(out[1]))
    shared = out[0] is out[2] and out[1] is out[3]
    first = out[0]
    del out
    alone = sys.getrefcount(first)
    assert after == before
    assert shared
    # getrefcount's own argument is one more reference.
    assert counts == (500 + 1, 500 + 1)
    assert alone == 1 + 1


def test_add_months_many_refuses_a_single_date() -> None:
    with pytest.raises(dpa.InvalidInput):
        dpa.add_months_many(date(2024, 1, 31), 1)  # type: ignore[call-overload]


@needs_numpy
def test_add_months_many_on_datetime64() -> None:
    import numpy as np

    days = np.array(["2024-01-31", "NaT", "2023-05-31", "2016-02-29"], dtype="datetime64[D]")
    out = dpa.add_months_many(days, 1)
    assert isinstance(out, np.ndarray)
    assert out.dtype == np.dtype("datetime64[D]")
    expected = np.array(["2024-02-29", "NaT", "2023-06-30", "2016-03-29"], dtype="datetime64[D]")
    np.testing.assert_array_equal(out, expected)
    assert days[0] == np.datetime64("2024-01-31")  # the input is not changed


@needs_numpy
def test_datetime64_matches_the_list_path() -> None:
    import numpy as np

    rng = np.random.default_rng(7)
    lo, hi = np.datetime64("1900-01-01").astype(int), np.datetime64("2100-12-31").astype(int)
    for size in (10, 100_000):  # below and above the memo and GIL-release thresholds
        days = rng.integers(lo, hi, size).astype("datetime64[D]")
        as_dates = days.astype(object).tolist()
        for n in (-13, 3, 120):
            got = dpa.add_months_many(days, n).astype(object).tolist()
            assert got == dpa.add_months_many(as_dates, n)


@needs_numpy
def test_datetime64_shapes_and_layouts() -> None:
    import numpy as np

    days = np.arange("2024-01-01", "2024-01-25", dtype="datetime64[D]").reshape(4, 6)
    out = dpa.add_months_many(days, 1)
    assert out.shape == (4, 6)
    np.testing.assert_array_equal(out, days + np.timedelta64(31, "D"))
    transposed = days.T  # not C-contiguous
    np.testing.assert_array_equal(dpa.add_months_many(transposed, 1), transposed + np.timedelta64(31, "D"))
    np.testing.assert_array_equal(dpa.add_months_many(days[:, ::2], 1), days[:, ::2] + np.timedelta64(31, "D"))
    assert dpa.add_months_many(np.array([], dtype="datetime64[D]"), 1).shape == (0,)


@needs_numpy
def test_datetime64_errors() -> None:
    import numpy as np

    with pytest.raises(dpa.InvalidInput, match="datetime64"):
        dpa.add_months_many(np.array(["2024-01-31T10:00"], dtype="datetime64[s]"), 1)
    with pytest.raises(dpa.OutOfRange):
        dpa.add_months_many(np.array(["9999-12-31"], dtype="datetime64[D]"), 1)
    with pytest.raises(dpa.OutOfRange):
        dpa.add_months_many(np.array([np.datetime64("9999-12-31") + np.timedelta64(1, "D")]), -1)
    with pytest.raises(dpa.OutOfRange):
        dpa.add_months_many(np.array(["2000-01-01"] * 100 + ["9999-12-31"], dtype="datetime64[D]"), 1)
    # Years before 1 and after 9999 are refused by dpa-core, naming the element.
    for day in ("0000-06-15", "-0100-01-01"):
        with pytest.raises(dpa.OutOfRange, match=r"^dates\[1\]: out of range: ") as e:
            dpa.add_months_many(np.array(["2000-01-01", day], dtype="datetime64[D]"), 1)
        assert e.value.path == "dates[1]"
    # A day beyond any date (past the years a `time::Date` holds) cannot
    # even be converted.
    with pytest.raises(dpa.OutOfRange) as e:
        dpa.add_months_many(np.array(["10000-01-01"], dtype="datetime64[D]"), -1)
    assert str(e.value) == "dates[0]: out of range: 2932897 days from 1970-01-01 is beyond any date"
    assert e.value.path == "dates[0]"


def test_works_without_numpy() -> None:
    """The wheel imports and works where numpy cannot be imported."""
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "import datetime, dpa\n"
        "d = datetime.date(2024, 1, 31)\n"
        "assert dpa.add_months_many([d] * 100, 1) == [datetime.date(2024, 2, 29)] * 100\n"
        "assert dpa.add_months_many((d for _ in range(3)), 1) == [datetime.date(2024, 2, 29)] * 3\n"
        "assert 'numpy' not in sys.modules or sys.modules['numpy'] is None\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_holidays() -> None:
    days = dpa.nl_public_holidays(2026)
    assert len(days) == 11
    assert days[0] == date(2026, 1, 1)
    assert date(2026, 4, 27) in days  # King's Day
    assert dpa.is_nl_public_holiday(date(2026, 5, 5))
    assert not dpa.is_nl_public_holiday(date(2026, 5, 13))
    assert dpa.nl_public_holiday_name(date(2025, 4, 26)) == "King's Day"
    assert dpa.nl_public_holiday_name(date(2026, 5, 13)) is None
    # Before the Act came into force (1 April 1965): refused, saying why.
    with pytest.raises(dpa.OutOfRange, match="before the Algemene termijnenwet came into force"):
        dpa.nl_public_holidays(1964)
    assert not dpa.is_nl_business_day(date(2026, 5, 2))  # Saturday
    assert dpa.is_nl_business_day(date(2026, 5, 4))
    assert dpa.next_business_day(date(2026, 5, 14)) == date(2026, 5, 18)
    assert dpa.next_business_day(date(2026, 5, 18)) == date(2026, 5, 18)
