"""Every deadline example of the README and docs/rules.md."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

import dpa

CET = timezone(timedelta(hours=1))
UTC = timezone.utc


@pytest.mark.parametrize(
    ("terminated", "due"),
    [(date(2026, 11, 30), date(2027, 2, 28)), (date(2027, 11, 30), date(2028, 2, 29))],
)
def test_belco_deletion(belco: dpa.Agreement, terminated: date, due: date) -> None:
    assert belco.deletion_deadline(terminated) == due


def test_belco_breach_notice_is_utc(belco: dpa.Agreement) -> None:
    due = belco.breach_notice_deadline(datetime(2026, 3, 28, 10, 30, tzinfo=CET))
    assert due == datetime(2026, 3, 29, 9, 30, tzinfo=UTC)
    assert due is not None and due.tzinfo is UTC
    assert due.isoformat() == "2026-03-29T09:30:00+00:00"


def test_breach_notice_with_a_zoneinfo_zone(belco: dpa.Agreement) -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        amsterdam = zoneinfo.ZoneInfo("Europe/Amsterdam")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no IANA time-zone data on this machine")
    # 24 hours across the start of summer time: 10:30 CET is 09:30 UTC.
    due = belco.breach_notice_deadline(datetime(2026, 3, 28, 10, 30, tzinfo=amsterdam))
    assert due == datetime(2026, 3, 29, 9, 30, tzinfo=UTC)


def test_alles_online_breach_has_no_fixed_term(alles_online: dpa.Agreement) -> None:
    assert alles_online.breach_notice_deadline(datetime(2026, 3, 28, 10, 30, tzinfo=CET)) is None
    d = alles_online.deadline("breach-notice", datetime(2026, 3, 28, 10, 30, tzinfo=CET))
    assert d.due is None and d.ends_at is None
    assert d.note == "without undue delay: the agreement sets no fixed number of hours"
    assert d.citation == "DPS 17, clause 4.1, clause 4.2, clause 4.3; GDPR art. 33(2)"


def test_belco_audits(belco: dpa.Agreement) -> None:
    assert belco.next_audit_allowed(date(2026, 5, 4)) == date(2027, 5, 4)
    assert belco.earliest_audit_date(date(2027, 4, 25)) == date(2027, 5, 9)


def test_belco_termination_window(belco: dpa.Agreement) -> None:
    assert belco.termination_window_end(date(2022, 1, 4)) == date(2022, 2, 3)


def test_authority_notice_is_72_hours(belco: dpa.Agreement) -> None:
    aware = datetime(2026, 3, 29, 8, 45, tzinfo=timezone(timedelta(hours=2)))
    assert belco.authority_notice_deadline(aware) == datetime(2026, 4, 1, 6, 45, tzinfo=UTC)


def test_backup_deletion(belco: dpa.Agreement, alles_online: dpa.Agreement) -> None:
    # Belco's statement does not mention backups (DPS 1.11): no date, never
    # the main deletion term taken as a default (issue 15 point 2).
    assert belco.backup_deletion_deadline(date(2026, 11, 30)) is None
    # Alles Online deletes backups per backup cycle of unstated length.
    assert alles_online.backup_deletion_deadline(date(2026, 11, 30)) is None


def test_full_deadline(belco: dpa.Agreement) -> None:
    d = belco.deadline("deletion", date(2026, 11, 30))
    assert isinstance(d, dpa.Deadline)
    assert d.kind == "deletion"
    assert d.due == date(2027, 2, 28)
    # The day ends at 24:00 in Amsterdam (CET): 23:00 UTC.
    assert d.ends_at == datetime(2027, 2, 28, 23, 0, tzinfo=UTC)
    assert d.bound == "no-later-than"
    assert d.citation == "DPS 1.11, clause 2.6.3"
    assert d.shifted_from is None
    nxt = belco.deadline("next-audit", date(2026, 5, 4))
    assert nxt.bound == "no-earlier-than" and nxt.due == date(2027, 5, 4)
    b = belco.deadline("breach-notice", datetime(2026, 3, 28, 10, 30, tzinfo=CET))
    assert b.due == b.ends_at == datetime(2026, 3, 29, 9, 30, tzinfo=UTC)
    high = belco.deadline("service-response", datetime(2026, 5, 14, 20, 0, tzinfo=UTC), impact="high")
    assert high.due == datetime(2026, 5, 14, 20, 0, tzinfo=UTC)
    # DPS 1.15: low impact "binnen de eerstvolgende kantooruren" (09:00 t/m 17:00):
    # reported on Saturday, due by the end of Monday's office hours, 17:00 CEST.
    low = belco.deadline("service-response", datetime(2026, 3, 28, 10, 30, tzinfo=CET), impact="low")
    assert low.due == datetime(2026, 3, 30, 15, 0, tzinfo=UTC)
    assert belco.deadline("deletion", date(2026, 11, 30)) == d


def test_business_day_shift(belco_toml: str) -> None:
    atw = dpa.Agreement.from_toml(belco_toml.replace('business_days = "off"', 'business_days = "nl-atw"', 1))
    assert atw.business_days == "nl-atw"
    # 2026-11-30 + 3 months = Sunday 2027-02-28, moved to Monday 1 March.
    d = atw.deadline("deletion", date(2026, 11, 30))
    assert d.due == date(2027, 3, 1)
    assert d.shifted_from == date(2027, 2, 28)
    assert atw.deletion_deadline(date(2026, 11, 30)) == date(2027, 3, 1)


def test_deadline_kind_and_start_must_fit(belco: dpa.Agreement) -> None:
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("deletion", datetime(2026, 11, 30, tzinfo=UTC))
    assert e.value.path == "start"
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("breach-notice", date(2026, 3, 28))
    assert e.value.path == "start"
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("someday", date(2026, 3, 28))  # type: ignore[arg-type]
    assert e.value.path == "kind"
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("service-response", datetime(2026, 5, 14, 20, 0, tzinfo=UTC))
    assert e.value.path == "impact"


def test_deadline_dispatch_is_dpa_cores(belco: dpa.Agreement) -> None:
    """Agreement.deadline is dpa-core's one dispatcher: for every kind it
    gives what the kind's own method gives."""
    d = date(2026, 11, 30)
    t = datetime(2026, 3, 28, 10, 30, tzinfo=CET)
    assert belco.deadline("deletion", d).due == belco.deletion_deadline(d)
    assert belco.deadline("backup-deletion", d).due == belco.backup_deletion_deadline(d)
    assert belco.deadline("next-audit", d).due == belco.next_audit_allowed(d)
    assert belco.deadline("audit-notice", d).due == belco.earliest_audit_date(d)
    assert belco.deadline("termination-window", d).due == belco.termination_window_end(d)
    assert belco.deadline("breach-notice", t).due == belco.breach_notice_deadline(t)
    assert belco.deadline("authority-notice", t).due == belco.authority_notice_deadline(t)
    low = belco.deadline("service-response", t, impact="low")
    high = belco.deadline("service-response", t, impact="high")
    assert low.kind == high.kind == "service-response"
    assert low != high


def test_deadline_errors_are_dpa_cores(belco: dpa.Agreement) -> None:
    """Kinds and impacts are read by their dpa-core spelling, and the errors
    are dpa-core's, named by the argument."""
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("Deletion", date(2026, 11, 30))  # type: ignore[arg-type]
    assert e.value.path == "kind"
    assert str(e.value).startswith("kind: unknown deadline kind `Deletion`: expected one of deletion, ")
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("service-response", datetime(2026, 5, 14, 20, 0, tzinfo=UTC), impact="medium")  # type: ignore[arg-type]
    assert e.value.path == "impact"
    assert str(e.value) == "impact: unknown impact `medium`: expected one of low, high"
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("service-response", datetime(2026, 5, 14, 20, 0, tzinfo=UTC))
    assert str(e.value) == "impact: service-response needs an impact: low or high"
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("deletion", datetime(2026, 11, 30, tzinfo=UTC))
    assert str(e.value) == "start: deletion starts on a date, not at an instant"
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("breach-notice", date(2026, 3, 28))
    assert str(e.value) == "start: breach-notice starts at an instant, not on a date"


BREACH_NOTICE = 'notice = { kind = "within-hours", hours = 24 }\n'


def test_deadline_provenance(belco: dpa.Agreement, belco_toml: str) -> None:
    """A deadline says where its term came from: stated (Belco's file),
    assumed with the reason, or not stated (no date, the reason in the note).
    Source: issue 15 point 2; Belco DPS 1.13 and clause 2.4.1 ("uiterlijk
    binnen 24 uur"), DPS 1.11 (backups not mentioned)."""
    at = datetime(2026, 3, 28, 10, 30, tzinfo=UTC)
    stated = belco.deadline("breach-notice", at)
    assert stated.provenance == "stated"
    assert stated.provenance_reason is None
    assert belco.deadline("backup-deletion", date(2026, 11, 30)).provenance == "not-stated"

    assert belco_toml.count(BREACH_NOTICE) == 1
    assumed = dpa.Agreement.from_toml(
        belco_toml.replace(
            BREACH_NOTICE,
            'provenance = "assumed"\nreason = "agreed by phone"\n' + BREACH_NOTICE,
        )
    )
    d = assumed.deadline("breach-notice", at)
    assert d.provenance == "assumed"
    assert d.provenance_reason == "agreed by phone"
    assert d.due == stated.due
    assert str(d).endswith("(assumed: agreed by phone)") or "(assumed: agreed by phone)" in str(d)

    silent = dpa.Agreement.from_toml(belco_toml.replace(BREACH_NOTICE, 'provenance = "not-stated"\n'))
    n = silent.deadline("breach-notice", at)
    assert n.provenance == "not-stated"
    assert n.due is None
    assert n.provenance_reason is None
    assert n.note is not None and "does not state a breach notice term" in n.note
    assert silent.breach_hours is None


def test_not_stated_terms_give_no_date(belco: dpa.Agreement, belco_toml: str) -> None:
    """A deletion term or a termination window the statement does not state
    gives None from the date functions (as a backup cycle of unstated length
    does), never an error or a default; the full deadline gives the reason.
    Source: issue 15 point 2; Belco DPS 1.11 (deletion "binnen 3 maanden"),
    clause 2.2.2 ("binnen 30 dagen na kennisgeving")."""
    assert belco_toml.count("\nmonths = 3\n") == 1
    no_term = dpa.Agreement.from_toml(belco_toml.replace("\nmonths = 3\n", '\nprovenance = "not-stated"\n'))
    assert no_term.deletion_deadline(date(2026, 11, 30)) is None
    d = no_term.deadline("deletion", date(2026, 11, 30))
    assert d.due is None and d.provenance == "not-stated"
    assert belco.deletion_deadline(date(2026, 11, 30)) == date(2027, 2, 28)

    window = "termination_window_days = 30"
    assert belco_toml.count(window) == 1
    no_window = dpa.Agreement.from_toml(belco_toml.replace(window, 'provenance = "not-stated"', 1))
    assert no_window.termination_window_end(date(2022, 1, 4)) is None
    assert no_window.deadline("termination-window", date(2022, 1, 4)).provenance == "not-stated"
