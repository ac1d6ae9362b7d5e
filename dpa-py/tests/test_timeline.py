"""The obligation timeline, with events as text or as Python values."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

import dpa

UTC = timezone.utc
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
AT = date(2027, 3, 1)

BELCO_EVENTS: list[dict[str, object]] = [
    {"kind": "agreement-signed", "date": date(2024, 2, 1)},
    {"kind": "breach-discovered", "at": datetime(2026, 3, 28, 10, 30, tzinfo=CET), "id": "B-2026-01"},
    {"kind": "client-notified-of-breach", "at": datetime(2026, 3, 29, 8, 45, tzinfo=CEST), "breach": "B-2026-01"},
    {"kind": "authority-notified", "at": "2026-03-31T16:00:00+02:00", "breach": "B-2026-01"},
    {"kind": "audit-notice-given", "date": "2026-04-20", "proposed_date": date(2026, 5, 4)},
    {"kind": "audit-held", "date": date(2026, 5, 4)},
    {"kind": "agreement-terminated", "date": date(2026, 11, 30), "note": None},
    {"kind": "data-deleted", "date": date(2027, 2, 12)},
]


def test_events_file(belco: dpa.Agreement, belco_events: str) -> None:
    obligations = belco.timeline(belco_events, at=AT)
    kinds = [o.kind for o in obligations]
    assert kinds == ["breach-notice", "authority-notice", "audit-notice", "deletion"]
    assert all(o.status == "met" for o in obligations)
    deletion = obligations[-1]
    assert isinstance(deletion, dpa.Obligation)
    assert deletion.owner == "processor"
    assert deletion.due == date(2027, 2, 28)
    assert deletion.deadline.due == date(2027, 2, 28)
    assert deletion.done == date(2027, 2, 12)
    assert deletion.triggered == date(2026, 11, 30)
    assert deletion.event == 6
    assert deletion.late_by is None and deletion.suspended_since is None
    breach = obligations[0]
    assert breach.subject == "B-2026-01"
    assert breach.due == datetime(2026, 3, 29, 9, 30, tzinfo=UTC)
    assert breach.triggered == datetime(2026, 3, 28, 9, 30, tzinfo=UTC)
    assert breach.done == datetime(2026, 3, 29, 6, 45, tzinfo=UTC)


def test_python_events_equal_the_file(belco: dpa.Agreement, belco_events: str) -> None:
    from_file = belco.timeline(belco_events, at=AT)
    assert belco.timeline(BELCO_EVENTS, at=AT) == from_file
    assert belco.timeline(tuple(BELCO_EVENTS), at=AT) == from_file
    assert belco.timeline({"events": BELCO_EVENTS}, at=AT) == from_file
    as_json = json.dumps({"events": BELCO_EVENTS}, default=lambda v: v.isoformat())
    assert belco.timeline(as_json, at=AT) == from_file
    assert belco.timeline(as_json.encode(), at=AT) == from_file


def test_missed_obligation(belco: dpa.Agreement) -> None:
    events = [
        {"kind": "agreement-terminated", "date": date(2026, 11, 30)},
        {"kind": "breach-discovered", "at": datetime(2026, 12, 1, 9, 0, tzinfo=UTC)},
        {"kind": "client-notified-of-breach", "at": datetime(2026, 12, 3, 9, 0, tzinfo=UTC)},
    ]
    report = belco.timeline_report(events, at=date(2027, 3, 5))
    assert isinstance(report, dpa.Timeline)
    assert report.at == date(2027, 3, 5)
    by_kind = {o.kind: o for o in report.obligations}
    deletion = by_kind["deletion"]
    assert deletion.status == "missed"
    assert deletion.done is None
    assert deletion.late_by == timedelta(days=5)
    notice = by_kind["breach-notice"]
    assert notice.status == "missed"
    assert notice.late_by == timedelta(days=1)
    assert notice.done == datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


ALLES_OPEN_TERMS: list[dict[str, object]] = [
    {"kind": "breach-discovered", "at": datetime(2026, 9, 1, 10, 0, tzinfo=CEST), "id": "B-1"},
    {"kind": "client-notified-of-breach", "at": datetime(2026, 9, 5, 10, 0, tzinfo=CEST)},
    {"kind": "agreement-terminated", "date": date(2026, 11, 30)},
    {"kind": "data-return-requested", "date": date(2026, 12, 1)},
    {"kind": "data-deleted", "date": date(2027, 3, 3)},
]


def test_statuses_under_open_terms(alles_online: dpa.Agreement) -> None:
    """Alles Online (DPS 12 "in principe", DPS 13, DPS 17 "zonder onredelijke
    vertraging"): a notice past the 72-hour bound is late, with the time
    elapsed; the deletion past its "in principe" term is exceeded; a return
    asked for and then made impossible by deletion is missed."""
    assert alles_online.legal_hold_lift == "at-once"
    assert alles_online.undue_delay_bound_hours == 72
    report = alles_online.timeline_report(ALLES_OPEN_TERMS, at=date(2027, 3, 5))
    by_kind = {o.kind: o for o in report.obligations}
    notice = by_kind["breach-notice"]
    assert notice.status == "late"
    assert notice.elapsed == timedelta(days=4)
    assert notice.late_after == datetime(2026, 9, 4, 8, 0, tzinfo=UTC)
    assert notice.late_by == timedelta(days=1)
    assert notice.done == datetime(2026, 9, 5, 8, 0, tzinfo=UTC)
    assert "late: done 2026-09-05T08:00:00Z, P1D past the bound" in str(notice)
    deletion = by_kind["deletion"]
    assert deletion.status == "exceeded"
    assert deletion.late_by == timedelta(days=3)
    assert deletion.elapsed is None and deletion.late_after is None
    ret = by_kind["data-return"]
    assert ret.status == "missed"
    assert ret.impossible_since == date(2027, 3, 3)
    assert ret.late_by is None and ret.done is None
    # Notified within the bound: done, never met.
    within = alles_online.timeline(ALLES_OPEN_TERMS[:1] + [
        {"kind": "client-notified-of-breach", "at": datetime(2026, 9, 2, 10, 0, tzinfo=CEST)},
    ], at=date(2026, 9, 10))
    assert within[0].status == "done"
    assert within[0].elapsed == timedelta(days=1)


def test_elapsed_of_a_fixed_term(belco: dpa.Agreement, belco_events: str) -> None:
    """Belco's 24 hours (DPS 1.13): met, with the time elapsed and no bound."""
    notice = belco.timeline(belco_events, at=AT)[0]
    assert notice.status == "met"
    assert notice.elapsed == timedelta(hours=21, minutes=15)
    assert notice.late_after is None
    assert belco.legal_hold_lift == "at-once"


def test_pending_and_findings(belco: dpa.Agreement) -> None:
    events = [
        {"kind": "agreement-terminated", "date": date(2026, 11, 30)},
        {"kind": "data-deleted", "date": date(2027, 6, 1)},
    ]
    report = belco.timeline_report(events, at=date(2026, 12, 15))
    (deletion,) = report.obligations
    assert deletion.status == "pending"
    assert [f.code for f in report.findings] == ["event-after-date"]
    assert report.findings[0].path == "events[1]"
    assert "obligations=1" in repr(report)


def test_default_date_is_today(belco: dpa.Agreement) -> None:
    assert isinstance(belco.timeline([]), list)


def test_event_errors_name_the_event(belco: dpa.Agreement) -> None:
    with pytest.raises(dpa.InvalidInput) as naive:
        belco.timeline([{"kind": "agreement-signed", "date": date(2024, 2, 1)},
                        {"kind": "breach-discovered", "at": datetime(2026, 3, 28, 10, 30)}], at=AT)
    assert naive.value.path == "events[1].at"
    with pytest.raises(dpa.ValidationError) as kind:
        belco.timeline([{"kind": "agreement-ended", "date": date(2026, 11, 30)}], at=AT)
    assert kind.value.path == "events[0].kind"
    assert kind.value.line is None  # the document was built from Python values
    # A date given for a breach: the field at fault is `date`.
    with pytest.raises(dpa.ValidationError) as misplaced:
        belco.timeline([{"kind": "breach-discovered", "date": date(2026, 3, 28)}], at=AT)
    assert misplaced.value.path == "events[0].date"
    with pytest.raises(TypeError, match=r"events\[0\]"):
        belco.timeline(["agreement-terminated"], at=AT)  # type: ignore[list-item]
    with pytest.raises(TypeError):
        belco.timeline(42, at=AT)  # type: ignore[arg-type]
    # A datetime where the event has a date: an instant is not a date.
    with pytest.raises(dpa.ValidationError, match="is not a date") as dt_for_date:
        belco.timeline([{"kind": "audit-held", "date": datetime(2026, 5, 4, tzinfo=UTC)}], at=AT)
    assert dt_for_date.value.path == "events[0].date"


def test_deadlines_after_9999_name_their_event(belco: dpa.Agreement) -> None:
    # Belco DPS 1.11 / clause 2.6.3: deletion 3 months after termination, which
    # from 1 December 9999 is after the last supported year.
    events = [{"kind": "agreement-signed", "date": date(2020, 1, 1)},
              {"kind": "agreement-terminated", "date": date(9999, 12, 1)}]
    with pytest.raises(dpa.OutOfRange) as e:
        belco.timeline(events, at=date(9999, 12, 31))
    assert e.value.path == "events[1]"
    assert str(e.value).startswith("events[1]: out of range: 9999-12-01 + 3 months")


def test_event_text_errors_have_positions(belco: dpa.Agreement) -> None:
    with pytest.raises(dpa.ValidationError) as e:
        belco.timeline('[[events]]\nkind = "agreement-terminated"\ndate = "2026-02-30"\n', at=AT)
    assert e.value.path == "events[0].date"
    assert e.value.line == 3


def test_events_text_format_is_guessed_by_dpa_core(belco: dpa.Agreement, belco_events: str) -> None:
    """An events document in a str or bytes is read in the format dpa-core's
    guess gives, as a file whose name does not say: a TOML table header
    (`[[events]]`) is TOML, any other text starting with `[` is JSON."""
    assert belco.timeline(belco_events, at=AT) == belco.timeline(belco_events.encode(), at=AT)
    for text in ("[1]", b"[1]", "\n  [[1], []]"):
        # Read as JSON: well-formed, but not an events document.
        with pytest.raises(dpa.ValidationError):
            belco.timeline(text, at=AT)
    with pytest.raises(dpa.ParseError, match="^invalid toml at line 2"):
        belco.timeline("[[events]]\nkind = \n", at=AT)
