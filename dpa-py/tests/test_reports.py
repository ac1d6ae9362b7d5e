"""The reports: Agreement.coverage (GDPR art. 28), Agreement.timeline_ics,
dpa.diff_report, and Agreement.next_audit_allowed_after; values and errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Optional

import pytest

import dpa

ROOT = Path(__file__).resolve().parents[2]
AGREEMENTS = ROOT / "examples" / "agreements"
EVENTS = ROOT / "examples" / "events"
UTC = timezone.utc
CET = timezone(timedelta(hours=1))
AT = date(2027, 3, 1)
NOTIFIED = date(2022, 1, 4)

# Alles Online: a breach notified to the client (the processor's term is
# "without undue delay"), then the agreement terminated.
ALLES_EVENTS: list[dict[str, object]] = [
    {"kind": "breach-discovered", "at": datetime(2026, 3, 28, 10, 30, tzinfo=CET), "id": "B-7"},
    {"kind": "client-notified-of-breach", "at": datetime(2026, 3, 28, 15, 0, tzinfo=CET), "breach": "B-7"},
    {"kind": "agreement-terminated", "date": date(2026, 10, 1)},
]

# Belco (Nederland ICT 2019 clauses, numbered 2.x in its part 2): the verdict
# and what covers each GDPR art. 28 item, from its clauses after its
# deviations and what its statement states (dpa-core/data/art28-coverage.tsv).
BELCO_COVERAGE = [
    ("28-2", "covered", ["clause 2.8.2", "clause 2.8.3"]),
    ("28-3-subject-matter", "covered", ["clause 2.2.1", "DPS 1.5"]),
    ("28-3-duration", "covered", ["clause 2.6.1", "clause 2.6.2"]),
    ("28-3-nature-purpose", "covered", ["DPS 1.5"]),
    ("28-3-data-types", "not-covered", []),
    ("28-3-data-subjects", "not-covered", []),
    ("28-3-controller", "covered", ["clause 2.2.4", "clause 2.2.7"]),
    ("28-3-a", "partly", ["clause 2.2.3"]),
    ("28-3-b", "covered", ["clause 2.5.1"]),
    ("28-3-c", "covered", ["clause 2.3.1", "DPS 1.9", "DPS 1.12"]),
    ("28-3-d", "partly", ["clause 2.8.2", "clause 2.8.3"]),
    ("28-3-e", "covered", ["clause 2.7.1"]),
    ("28-3-f", "covered", ["clause 2.3.1", "clause 2.4.1", "clause 2.4.2", "clause 2.7.2"]),
    ("28-3-g", "covered", ["clause 2.6.3"]),
    ("28-3-h", "covered", ["clause 2.7.3", "clause 2.7.4"]),
    ("28-3-final", "not-covered", []),
    ("28-4", "partly", ["clause 2.8.3"]),
]


def with_removed(toml: str, *clauses: str) -> dpa.Agreement:
    """The agreement `toml` with `clauses` removed by deviations."""
    marker = "\n[terms.duration]"
    i = toml.index(marker)
    devs = "".join(
        f'\n[[clauses.deviations]]\nclause = "{c}"\nkind = "removed"\nsummary = "left out"\n' for c in clauses
    )
    return dpa.Agreement.from_toml(toml[:i] + devs + toml[i:])


def uncovered_findings(a: dpa.Agreement) -> list[str]:
    """The citations of the art28-item-uncovered findings."""
    return [f.citation for f in a.check(date(2026, 11, 23)) if f.code == "art28-item-uncovered"]


@pytest.fixture(scope="session")
def alles_toml() -> str:
    return (AGREEMENTS / "alles-online.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def belco_old() -> dpa.Agreement:
    return dpa.Agreement.from_file(AGREEMENTS / "belco-1.2.2.toml")


# ---------------------------------------------------------------------------
# Agreement.coverage


def test_belco_coverage(belco: dpa.Agreement) -> None:
    # GDPR art. 28(3): Belco's statement states no types of personal data and
    # no categories of data subjects; clause 2.8.3 binds sub-processors to the
    # same security level only (art. 28(4): partly).
    cov = belco.coverage()
    assert all(isinstance(c, dpa.Art28Coverage) for c in cov)
    assert [(c.id, c.verdict, c.clauses) for c in cov] == BELCO_COVERAGE
    assert [c.covered for c in cov] == [v == "covered" for _, v, _ in BELCO_COVERAGE]
    conf = cov[8]
    assert conf.article == "GDPR art. 28(3)(b)"
    assert conf.name == "confidentiality of the persons processing"
    assert conf.missing == []
    assert (
        repr(conf)
        == "Art28Coverage(id='28-3-b', article='GDPR art. 28(3)(b)', verdict='covered', clauses=['clause 2.5.1'])"
    )
    assert str(conf) == "GDPR art. 28(3)(b) confidentiality of the persons processing: clause 2.5.1"
    flow_down = cov[16]
    assert flow_down.missing == ["flow-down-obligations"]
    assert str(flow_down) == (
        "GDPR art. 28(4) the same obligations for sub-processors: PARTLY: clause 2.8.3 "
        "(missing: the other data-protection obligations imposed on sub-processors by contract)"
    )
    assert uncovered_findings(belco) == ["GDPR art. 28(3)", "GDPR art. 28(3)", "GDPR art. 28(3), final subparagraph"]


def test_alles_online_coverage(alles_online: dpa.Agreement) -> None:
    cov = {c.id: c for c in alles_online.coverage()}
    assert list(cov) == [row[0] for row in BELCO_COVERAGE]
    assert [c.verdict for c in cov.values()] == [row[1] for row in BELCO_COVERAGE]
    assert cov["28-3-b"].clauses == ["clause 5.1"]
    assert cov["28-3-h"].clauses == ["clause 7.4", "clause 7.5"]
    assert cov["28-3-g"].clauses == ["clause 6.3"]
    assert cov["28-3-h"].name == "information and audits"
    assert cov["28-3-a"].missing == ["legal-requirement-notice"]


def test_coverage_values_compare_and_hash(belco: dpa.Agreement, belco_toml: str) -> None:
    again = dpa.Agreement.from_toml(belco_toml).coverage()
    assert again == belco.coverage()
    assert len({hash(c) for c in again}) == len(again)
    assert again[0] != again[1]
    with pytest.raises(AttributeError):
        again[0].clauses = []  # type: ignore[misc]


def test_a_removed_clause_uncovers_its_item(belco: dpa.Agreement, belco_toml: str) -> None:
    # Belco without its confidentiality clause 2.5.1: art. 28(3)(b) not covered.
    a = with_removed(belco_toml, "clause 2.5.1")
    cov = {c.id: c for c in a.coverage()}
    conf = cov["28-3-b"]
    assert conf.clauses == [] and not conf.covered and conf.verdict == "not-covered"
    assert str(conf) == (
        "GDPR art. 28(3)(b) confidentiality of the persons processing: "
        "NOT COVERED (missing: confidentiality of the persons processing)"
    )
    before = {c.id: c for c in belco.coverage()}
    assert [i for i in cov if cov[i] != before[i]] == ["28-3-b"]
    # The table and the check agree.
    assert "GDPR art. 28(3)(b)" in uncovered_findings(a)
    # Without clause 2.8.3, the terms still record notice of changes, the right
    # to object and the same security level (terms.sub_processors): the items
    # keep their verdicts and cite the terms' sources.
    a = with_removed(belco_toml, "clause 2.8.3")
    cov = {c.id: c for c in a.coverage()}
    assert cov["28-2"].verdict == "covered"
    # The edition's clause 2.8.2, then the sources of terms.sub_processors.
    assert cov["28-2"].clauses == ["clause 2.8.2", "clause 2.8.1", "clause 2.8.4"]
    assert cov["28-4"].verdict == "partly"
    assert "clause 2.8.3" not in cov["28-4"].clauses


def test_removing_one_of_two_clauses_keeps_the_item(alles_online: dpa.Agreement, alles_toml: str) -> None:
    a = with_removed(alles_toml, "clause 7.4")
    cov = {c.id: c for c in a.coverage()}
    assert cov["28-3-h"].clauses == ["clause 7.5"] and cov["28-3-h"].covered
    both = with_removed(alles_toml, "clause 7.4", "clause 7.5")
    h = {c.id: c for c in both.coverage()}["28-3-h"]
    # The audit term remains (terms.audit); the information clause is gone.
    assert h.verdict == "partly" and h.missing == ["compliance-information"]
    partly = [f.citation for f in both.check(date(2026, 11, 23)) if f.code == "art28-item-partly-covered"]
    assert "GDPR art. 28(3)(h)" in partly


def test_a_clause_numbered_the_other_way_is_refused(belco_toml: str) -> None:
    # Belco numbers its clauses 2.x: "clause 5.1" is none of them, and the
    # reader says which numbering the agreement uses (issue 15 point 4).
    with pytest.raises(dpa.ValidationError) as e:
        with_removed(belco_toml, "clause 5.1")
    assert e.value.path is not None and e.value.path.startswith("clauses.deviations[")
    assert "`clause 2.6.3`" in str(e.value)


def test_without_the_edition_text_coverage_is_unknown(belco_toml: str) -> None:
    # Source: issue 15 point 4 — the library does not hold the text of the
    # Nederland ICT January 2018 edition: what only its clauses could cover
    # is "unknown", and check() says so once.
    a = dpa.Agreement.from_toml(
        belco_toml.replace('edition = "nederland-ict-2019"', 'edition = "nederland-ict-2018"', 1)
    )
    assert a.edition == "nederland-ict-2018"
    cov = {c.id: c for c in a.coverage()}
    assert cov["28-3-b"].verdict == "unknown"
    assert cov["28-3-b"].unknown == ["confidentiality"]
    assert cov["28-3-b"].missing == [] and not cov["28-3-b"].covered
    assert cov["28-3-b"].unknown_because == "edition-text-not-on-file"
    assert cov["28-2"].unknown_because is None
    assert str(cov["28-3-b"]).endswith("UNKNOWN (edition text not on file: confidentiality of the persons processing)")
    codes = [f.code for f in a.check(date(2026, 11, 23))]
    assert codes.count("edition-text-not-on-file") == 1


def test_a_statement_alone_leaves_the_clauses_coverage_unknown(alles_online_toml: str) -> None:
    # Source: issue 15 point 4, issue 16 — a document that holds only the
    # Data Pro Statement ([document] parts = ["statement"]): what only the
    # standard clauses could cover (clause 5.1, confidentiality) is unknown.
    a = dpa.Agreement.from_toml(alles_online_toml + '\n[document]\nparts = ["statement"]\n')
    cov = {c.id: c for c in a.coverage()}
    assert cov["28-3-b"].verdict == "unknown"
    assert cov["28-3-b"].unknown_because == "clauses-absent"
    assert str(cov["28-3-b"]).endswith("UNKNOWN (part 2 not in the document: confidentiality of the persons processing)")
    codes = [f.code for f in a.check(date(2026, 12, 5))]
    assert codes.count("document-part-absent") == 1


def test_coverage_str_is_the_words_of_the_dpa_command(belco_toml: str, tmp_path: Path) -> None:
    # Belco without clause 2.5.1: one more item not covered. Each item's
    # str() is the article, the name and the verdict of the line `dpa
    # coverage` prints for it, in columns there.
    toml = belco_toml
    marker = "\n[terms.duration]"
    i = toml.index(marker)
    dev = '\n[[clauses.deviations]]\nclause = "clause 2.5.1"\nkind = "removed"\nsummary = "left out"\n'
    path = tmp_path / "belco-without-2.5.1.toml"
    path.write_text(toml[:i] + dev + toml[i:], encoding="utf-8")
    a = dpa.Agreement.from_file(path)
    out = cargo_dpa("coverage", str(path))
    assert out.returncode == 1, out.stderr.decode()  # items are not covered
    rows = [re.split(r"\s{2,}", line.strip()) for line in out.stdout.decode().splitlines()]
    cov = a.coverage()
    assert len(rows) == len(cov)
    for c, (article, name, clauses) in zip(cov, rows):
        assert str(c) == f"{article} {name}: {clauses}"
    assert "NOT COVERED" in str(cov[8])


# ---------------------------------------------------------------------------
# Agreement.timeline_ics


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


# The DTSTAMP of the calendars compared: fixed, so that two runs agree.
STAMP = datetime(2027, 3, 1, 13, 0, tzinfo=timezone(timedelta(hours=1)))


def test_ics_equals_the_dpa_command(belco: dpa.Agreement, belco_events: str) -> None:
    events = EVENTS / "belco-2027.toml"
    out = cargo_dpa(
        "deadlines",
        str(AGREEMENTS / "belco.toml"),
        "--events",
        str(events),
        "--at",
        AT.isoformat(),
        "--format",
        "ics",
        "--dtstamp",
        STAMP.isoformat(),
        "--uid-domain",
        "calendar.example.org",
        "--remind",
        "7d,1d",
    )
    assert out.returncode == 0, out.stderr.decode()
    ics = belco.timeline_ics(belco_events, at=AT, dtstamp=STAMP, uid_domain="calendar.example.org", remind="7d,1d")
    assert ics.encode("utf-8") == out.stdout


def test_ics_of_python_events_equals_the_dpa_command(alles_online: dpa.Agreement, tmp_path: Path) -> None:
    # A breach without a fixed notice term, and obligations missed so far.
    events = ALLES_EVENTS
    at = date(2027, 1, 15)
    as_json = json.dumps({"events": events}, default=lambda v: v.isoformat())
    path = tmp_path / "events.json"
    path.write_text(as_json, encoding="utf-8")
    out = cargo_dpa(
        "deadlines",
        str(AGREEMENTS / "alles-online.toml"),
        "--events",
        str(path),
        "--at",
        at.isoformat(),
        "--format",
        "ics",
        "--dtstamp",
        STAMP.isoformat(),
    )
    assert out.returncode == 1, out.stderr.decode()  # a missed obligation
    ics = alles_online.timeline_ics(events, at=at, dtstamp=STAMP)
    assert ics.encode("utf-8") == out.stdout
    assert alles_online.timeline_ics(as_json, at=at, dtstamp=STAMP) == ics


def test_ics_content(belco: dpa.Agreement, belco_events: str) -> None:
    ics = belco.timeline_ics(belco_events, at=AT, dtstamp=datetime(2027, 3, 1, tzinfo=UTC))
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert ics.endswith("END:VCALENDAR\r\n")
    lines = ics.split("\r\n")[:-1]
    assert "\n" not in "".join(lines)  # CRLF line ends only
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)  # folded
    assert "X-WR-CALNAME:Belco B.V. — data processing agreement deadlines" in lines
    assert [line for line in lines if line.startswith("DTSTART")] == [
        "DTSTART:20260329T093000Z",
        "DTSTART:20260401T064500Z",
        "DTSTART;VALUE=DATE:20260504",
        "DTSTART;VALUE=DATE:20270228",
    ]
    assert [line for line in lines if line.startswith("DTEND")] == [
        "DTEND;VALUE=DATE:20260505",
        "DTEND;VALUE=DATE:20270301",
    ]
    assert lines.count("DTSTAMP:20270301T000000Z") == 4
    assert "SUMMARY:Belco B.V.: deletion due" in lines
    # The audit notice's note (DPS 1.14: Belco may move the date) folds
    # over three lines.
    assert len(lines) == 46


def test_ics_takes_events_as_timeline_does(belco: dpa.Agreement, belco_events: str) -> None:
    ics = belco.timeline_ics(belco_events, at=AT, dtstamp=STAMP)
    assert belco.timeline_ics(belco_events.encode(), at=AT, dtstamp=STAMP) == ics
    obligations = belco.timeline(belco_events, at=AT)
    as_dicts = json.loads(
        json.dumps({"events": [{"kind": "agreement-terminated", "date": "2026-11-30"}]}),
    )
    one = belco.timeline_ics(as_dicts, at=AT)
    assert one.count("BEGIN:VEVENT") == len([o for o in belco.timeline(as_dicts, at=AT) if o.due is not None])
    assert ics.count("BEGIN:VEVENT") == len(obligations) == 4


def test_ics_leaves_out_deadlines_without_a_fixed_term(alles_online: dpa.Agreement) -> None:
    # Alles Online notifies a breach "without undue delay" and ties backup
    # deletion to a cycle of unstated length: neither has a calendar event.
    at = date(2027, 1, 15)
    obligations = alles_online.timeline(ALLES_EVENTS, at=at)
    assert [(o.kind, o.due is None) for o in obligations] == [
        ("breach-notice", True),
        ("authority-notice", False),
        ("deletion", False),
        ("backup-deletion", True),
    ]
    ics = alles_online.timeline_ics(ALLES_EVENTS, at=at)
    assert ics.count("BEGIN:VEVENT") == ics.count("END:VEVENT") == 2
    lines = ics.split("\r\n")
    assert [line for line in lines if line.startswith("CATEGORIES:")] == [
        "CATEGORIES:authority-notice",
        "CATEGORIES:deletion",
    ]
    assert [line for line in lines if line.startswith("DTSTART")] == [
        "DTSTART:20260331T140000Z",
        "DTSTART;VALUE=DATE:20270101",
    ]


def test_ics_at_and_dtstamp_default_to_now(belco: dpa.Agreement, belco_events: str) -> None:
    # The statuses as of today; DTSTAMP (RFC 5545 §3.8.7.2) when the file was made.
    before = datetime.now(UTC).replace(microsecond=0)
    ics = belco.timeline_ics(belco_events)
    after = datetime.now(UTC)
    stamps = {line for line in ics.split("\r\n") if line.startswith("DTSTAMP:")}
    assert len(stamps) == 1
    made = datetime.strptime(stamps.pop(), "DTSTAMP:%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert before <= made <= after
    assert f"Status as of {before.date().isoformat()}" in ics or f"Status as of {after.date().isoformat()}" in ics


def test_ics_parses_with_icalendar(belco: dpa.Agreement, belco_old: dpa.Agreement, belco_events: str) -> None:
    # An independent parser (PyPI icalendar) reads the calendar: UIDs in the
    # domain asked for, the same whatever the order of the events, distinct
    # for Belco 1.2.2 and 1.3; DTSTAMP as given; a VALARM per reminder
    # (RFC 5545 §3.8.4.7, §3.8.7.2, §3.6.6).
    icalendar = pytest.importorskip("icalendar")

    def calendar(a: dpa.Agreement, events: object) -> Any:
        text = a.timeline_ics(events, at=AT, uid_domain="calendar.example.org", dtstamp=STAMP, remind="7d,1d")  # type: ignore[arg-type]
        return icalendar.Calendar.from_ical(text)

    cal = calendar(belco, belco_events)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 4
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 4
    assert all(u.endswith("@calendar.example.org") for u in uids)
    assert all(e.decoded("DTSTAMP") == STAMP for e in events)
    for e in events:
        alarms = list(e.walk("VALARM"))
        assert [a.decoded("TRIGGER") for a in alarms] == [-timedelta(days=7), -timedelta(days=1)]
        assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)
    deletion = next(e for e in events if str(e["CATEGORIES"].cats[0]) == "deletion")
    assert deletion.decoded("DTSTART") == date(2027, 2, 28)
    assert "DPS 1.11, clause 2.6.3" in str(deletion["DESCRIPTION"])
    # The events listed the other way round: the same UIDs.
    parts = belco_events.split("[[events]]")
    reversed_events = "".join("[[events]]" + p for p in reversed(parts[1:]))
    again = [str(e["UID"]) for e in calendar(belco, reversed_events).walk("VEVENT")]
    assert sorted(again) == sorted(uids)
    # Belco 1.2.2: the same obligations, other UIDs.
    old = {str(e["UID"]) for e in calendar(belco_old, belco_events).walk("VEVENT")}
    assert len(old) == 4 and not old & set(uids)


def test_ics_keeps_tabs_and_a_calendar_without_dated_events_is_valid(alles_online: dpa.Agreement) -> None:
    # Alles Online's breach notice has no fixed term: no event, and a VTODO
    # that says so (RFC 5545 §3.6: at least one component). A tab in TEXT is
    # kept (§3.3.11) and reads back as a tab.
    icalendar = pytest.importorskip("icalendar")
    events = [
        {"kind": "breach-discovered", "at": datetime(2026, 9, 1, 10, 0, tzinfo=UTC), "id": "B\t1; x, y"},
    ]
    text = alles_online.timeline_ics(events, at=date(2026, 9, 2), dtstamp=STAMP)
    cal = icalendar.Calendar.from_ical(text)
    assert list(cal.walk("VEVENT")) == []
    todos = list(cal.walk("VTODO"))
    assert len(todos) == 1
    assert str(todos[0]["SUMMARY"]) == "Alles Online B.V.: no obligation with a fixed deadline"
    assert "breach-notice (B\t1; x, y): pending" in str(todos[0]["DESCRIPTION"])
    assert str(todos[0]["UID"]).endswith("@dpa.invalid")


def test_ics_option_errors(belco: dpa.Agreement, belco_events: str) -> None:
    with pytest.raises(dpa.InvalidInput) as i:
        belco.timeline_ics(belco_events, at=AT, remind="7x")
    assert i.value.path == "remind"
    assert "`7x` is not a reminder" in str(i.value)
    with pytest.raises(dpa.InvalidInput) as i:
        belco.timeline_ics(belco_events, at=AT, uid_domain="dpa")
    assert i.value.path == "uid_domain"
    with pytest.raises(dpa.InvalidInput) as i:
        belco.timeline_ics(belco_events, at=AT, dtstamp=datetime(2027, 3, 1))
    assert i.value.path == "dtstamp"
    with pytest.raises(TypeError):
        belco.timeline_ics(belco_events, at=AT, remind=7)  # type: ignore[arg-type]


def test_ics_errors(belco: dpa.Agreement) -> None:
    with pytest.raises(dpa.ValidationError) as v:
        belco.timeline_ics('[[events]]\nkind = "breach-discovered"\nat = "2026-03-28T10:30"\n', at=AT)
    assert v.value.path == "events[0].at"
    assert (v.value.line, v.value.column) == (3, 6)
    with pytest.raises(dpa.ValidationError) as v:
        belco.timeline_ics([{"kind": "breach-discovered", "at": "2026-03-28T10:30"}], at=AT)
    assert v.value.path == "events[0].at"
    assert v.value.line is None
    with pytest.raises(dpa.InvalidInput) as i:
        belco.timeline_ics([{"kind": "breach-discovered", "at": datetime(2026, 3, 28, 10, 30)}], at=AT)
    assert i.value.path == "events[0].at"
    with pytest.raises(dpa.ParseError) as p:
        belco.timeline_ics("[[events]]\nkind = = 1\n", at=AT)
    assert p.value.line == 2
    # Not a TOML table header, so read as JSON (dpa-core's guess): not JSON.
    with pytest.raises(dpa.ParseError) as p:
        belco.timeline_ics("[[events]\n", at=AT)
    assert (p.value.line, p.value.column) == (1, 1)
    with pytest.raises(dpa.InvalidInput):
        belco.timeline_ics([], at=datetime(2027, 3, 1, tzinfo=UTC))
    with pytest.raises(TypeError):
        belco.timeline_ics(5, at=AT)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        belco.timeline_ics([], at="2027-03-01")  # type: ignore[arg-type]
    with pytest.raises(dpa.ValidationError) as v:
        belco.timeline_ics([{"kind": "no-such-event", "date": date(2026, 1, 1)}], at=AT)
    assert v.value.path == "events[0].kind"


# ---------------------------------------------------------------------------
# dpa.diff_report


def test_diff_report_of_belco_versions(belco_old: dpa.Agreement, belco: dpa.Agreement) -> None:
    r = dpa.diff_report(belco_old, belco, NOTIFIED)
    assert isinstance(r, dpa.DiffReport)
    assert (r.old_version, r.new_version) == ("1.2.2", "1.3")
    assert r.notified == NOTIFIED
    assert r.changes == dpa.diff(belco_old, belco)
    assert all(isinstance(c, dpa.Change) for c in r.changes)
    assert [c.kind for c in r.changes] == [
        "text-changed",
        "security-warranty-changed",
        "deviation-changed",
        "audit-term-changed",
    ]
    # Every change is favourable or editorial (the deviation's summary alone
    # changed): nothing significant, so no window (clause 2.2.2).
    assert [c.significant for c in r.changes] == [False, False, False, False]
    assert r.significant is False
    assert r.termination_window is None
    # No sub-processor changed: no right to object.
    assert r.objection is None
    assert repr(r) == "<dpa.DiffReport '1.2.2' -> '1.3' notified=2022-01-04 changes=4 significant=False>"
    assert dpa.diff_report(belco_old, belco, NOTIFIED) == r
    assert dpa.diff_report(belco_old, belco, date(2022, 1, 5)) != r
    with pytest.raises(AttributeError):
        r.significant = False  # type: ignore[misc]


def test_diff_report_the_other_way(belco_old: dpa.Agreement, belco: dpa.Agreement) -> None:
    # Back from 1.3 to 1.2.2: the warranty weakened, a precondition added.
    r = dpa.diff_report(belco, belco_old, date(2026, 6, 1))
    assert (r.old_version, r.new_version) == ("1.3", "1.2.2")
    assert r.significant
    assert [c.significant for c in r.changes] == [False, True, False, True]
    w = r.termination_window
    assert isinstance(w, dpa.Deadline)
    assert w.kind == "termination-window"
    assert w.due == date(2026, 7, 1) == belco_old.termination_window_end(date(2026, 6, 1))
    assert w.citation == "clause 2.2.2"
    assert w.bound == "no-later-than"
    assert w == belco_old.deadline("termination-window", date(2026, 6, 1))
    assert r.objection is None


def test_diff_report_without_changes(belco: dpa.Agreement) -> None:
    r = dpa.diff_report(belco, dpa.Agreement.from_json(belco.to_json()), NOTIFIED)
    assert r.changes == []
    assert r.significant is False
    assert r.termination_window is None and r.objection is None
    assert r.old_version == r.new_version == "1.3"


def test_diff_report_sub_processor_added(belco: dpa.Agreement, belco_toml: str) -> None:
    block = (
        '[[statement.sub_processors]]\nname = "Acme Analytics"\npurpose = "Analyse"\nseat = "US"\n'
        'locations = ["US"]\ntransfer_bases = ["scc-2021"]\nengagement = "always"\nsource = ["DPS 1.9"]\n\n'
    )
    marker = "[statement.data_subject_requests]"
    assert belco_toml.count(marker) == 1
    new = dpa.Agreement.from_toml(belco_toml.replace(marker, block + marker))
    r = dpa.diff_report(belco, new, NOTIFIED)
    (c,) = r.changes
    assert c.kind == "sub-processor-added"
    assert c.path == "statement.sub_processors[14]"
    assert c.rights == ["termination-window", "sub-processor-objection"]
    assert r.significant
    w: Optional[dpa.Deadline] = r.termination_window
    assert w is not None and w.due == date(2022, 2, 3)
    o = r.objection
    assert o is not None
    assert o.kind == "sub-processor-objection"
    assert o.due is None and o.ends_at is None
    assert o.citation == "clause 2.8.3; GDPR art. 28(2)"
    assert o.note is not None and "object" in o.note
    # Agreement.deadline cannot compute it: no fixed term, no start.
    with pytest.raises(dpa.InvalidInput) as e:
        belco.deadline("sub-processor-objection", NOTIFIED)  # type: ignore[arg-type]
    assert e.value.path == "kind"
    assert "sub-processor-objection has no fixed term to compute" in str(e.value)


def test_diff_report_errors(belco_old: dpa.Agreement, belco: dpa.Agreement) -> None:
    with pytest.raises(dpa.InvalidInput):
        dpa.diff_report(belco_old, belco, datetime(2022, 1, 4, tzinfo=UTC))
    with pytest.raises(TypeError):
        dpa.diff_report(belco_old, belco, "2022-01-04")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dpa.diff_report(belco_old, "belco.toml", NOTIFIED)  # type: ignore[arg-type]
    # The window would end after 9999-12-31.
    with pytest.raises(dpa.OutOfRange):
        dpa.diff_report(belco, belco_old, date(9999, 12, 31))
    # Without a significant change there is no window to compute.
    assert dpa.diff_report(belco, belco, date(9999, 12, 31)).termination_window is None


def test_diff_report_str_is_the_dpa_command_text(belco_old: dpa.Agreement, belco: dpa.Agreement) -> None:
    out = cargo_dpa(
        "diff",
        str(AGREEMENTS / "belco-1.2.2.toml"),
        str(AGREEMENTS / "belco.toml"),
        "--notified",
        NOTIFIED.isoformat(),
    )
    assert out.returncode == 0, out.stderr.decode()
    r = dpa.diff_report(belco_old, belco, NOTIFIED)
    assert str(r).encode("utf-8") == out.stdout
    # Each change's str() is dpa-core's one-line form of it.
    assert [str(c) for c in r.changes] == [
        f"{c.kind} {c.path}: {c.description} ({'significant' if c.significant else 'not significant'}: {c.reason})"
        for c in r.changes
    ]


def test_timeline_str_is_the_dpa_command_text(belco: dpa.Agreement, belco_events: str) -> None:
    out = cargo_dpa(
        "deadlines",
        str(AGREEMENTS / "belco.toml"),
        "--events",
        str(EVENTS / "belco-2027.toml"),
        "--at",
        AT.isoformat(),
    )
    assert out.returncode == 0, out.stderr.decode()
    t = belco.timeline_report(belco_events, at=AT)
    text = out.stdout.decode("utf-8")
    assert str(t) == text
    # Each obligation's str() is its line of that text, without the columns.
    lines = [line for line in text.splitlines() if line.startswith("  ") and not line.startswith("   ")]
    assert [str(o) for o in t.obligations] == [" ".join(line.split()) for line in lines]
    assert str(t.obligations[-1]) == "deletion processor due 2027-02-28 met on 2027-02-12"


# ---------------------------------------------------------------------------
# Agreement.next_audit_allowed_after


def test_next_audit_allowed_after_two_audits(belco: dpa.Agreement) -> None:
    # Belco: at most once per rolling 12 months, from the latest audit.
    audits = [date(2025, 5, 12), date(2026, 5, 4)]
    assert belco.next_audit_allowed_after(audits) == date(2027, 5, 4)
    assert belco.next_audit_allowed_after(list(reversed(audits))) == date(2027, 5, 4)
    assert belco.next_audit_allowed_after(tuple(audits)) == date(2027, 5, 4)
    assert belco.next_audit_allowed_after([date(2026, 5, 4)]) == belco.next_audit_allowed(date(2026, 5, 4))


def test_next_audit_allowed_after_twice_a_year(belco_toml: str) -> None:
    # Twice per rolling 12 months: the period runs from the second most recent audit.
    twice = dpa.Agreement.from_toml(belco_toml.replace("max_count = 1", "max_count = 2", 1))
    assert twice.next_audit_allowed_after([date(2026, 9, 1), date(2026, 3, 1)]) == date(2027, 3, 1)
    assert twice.next_audit_allowed_after([date(2025, 1, 1), date(2026, 3, 1), date(2026, 9, 1)]) == date(2027, 3, 1)
    # One audit held: a second is allowed at once.
    assert twice.next_audit_allowed_after([date(2026, 3, 1)]) == date(2026, 3, 1)
    # Once per calendar year: the next from 1 January.
    calendar = dpa.Agreement.from_toml(
        belco_toml.replace('period = "rolling-12-months"', 'period = "calendar-year"', 1)
    )
    assert calendar.next_audit_allowed_after([date(2025, 6, 1), date(2026, 5, 4)]) == date(2027, 1, 1)


def test_next_audit_allowed_after_errors(belco: dpa.Agreement) -> None:
    with pytest.raises(dpa.InvalidInput) as e:
        belco.next_audit_allowed_after([])
    assert e.value.path == "audits"
    assert not isinstance(e.value, dpa.OutOfRange)
    with pytest.raises(dpa.InvalidInput) as e:
        belco.next_audit_allowed_after([date(2026, 5, 4), datetime(2025, 5, 4, tzinfo=UTC)])
    assert e.value.path == "audits[1]"
    assert "datetime" in str(e.value)
    with pytest.raises(TypeError, match=r"audits\[1\]"):
        belco.next_audit_allowed_after([date(2026, 5, 4), "2025-05-04"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="audits"):
        belco.next_audit_allowed_after("2026-05-04")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="audits"):
        belco.next_audit_allowed_after(date(2026, 5, 4))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="audits"):
        belco.next_audit_allowed_after(None)  # type: ignore[arg-type]
    with pytest.raises(dpa.OutOfRange):
        belco.next_audit_allowed_after([date(9999, 6, 1)])
