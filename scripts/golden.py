"""Prints what the Python wheel answers for the bundled agreements and events:
every property of every result object, str() and repr(), and the errors of
bad input. Used by scripts/golden.sh to show a restructuring changes no output."""

from __future__ import annotations

import glob
import os
from datetime import date, datetime, timedelta, timezone

import dpa

ROOT = os.path.join(os.path.dirname(__file__), "..")


def dump(value: object, indent: str = "") -> None:
    print(f"{indent}str: {value}")
    print(f"{indent}repr: {value!r}")
    if type(value).__module__.startswith("dpa"):
        for name in sorted(dir(value)):
            if name.startswith("_"):
                continue
            attr = getattr(value, name)
            if callable(attr):
                continue
            if isinstance(attr, list) and attr and type(attr[0]).__module__.startswith("dpa"):
                print(f"{indent}{name}: [")
                for item in attr:
                    dump(item, indent + "    ")
                print(f"{indent}]")
            elif type(attr).__module__.startswith("dpa"):
                print(f"{indent}{name}:")
                dump(attr, indent + "    ")
            else:
                print(f"{indent}{name} = {attr!r}")


def attempt(label: str, f: object) -> None:
    print(f"-- {label}")
    try:
        result = f()  # type: ignore[operator]
    except Exception as e:  # noqa: BLE001
        print(f"raised {type(e).__name__}: {e}")
        return
    if isinstance(result, list):
        for item in result:
            dump(item, "  ")
    else:
        dump(result, "  ")


cet = timezone(timedelta(hours=1))
# The calendars' DTSTAMP: fixed, so that two recordings compare.
STAMP = datetime(2027, 1, 1, tzinfo=timezone.utc)
files = sorted(glob.glob(os.path.join(ROOT, "examples/agreements/*.toml")))
events = sorted(glob.glob(os.path.join(ROOT, "examples/events/*.toml")))
agreements = {os.path.basename(f): dpa.Agreement.from_file(f) for f in files}
for name, a in agreements.items():
    print(f"== {name}")
    dump(a)
    attempt("to_json", a.to_json)
    attempt("to_toml", a.to_toml)
    for at in (date(2026, 11, 23), date(2031, 1, 1)):
        attempt(f"check {at}", lambda: a.check(at))
        attempt(f"assess_transfers {at}", lambda: a.assess_transfers(at))
    attempt("coverage", a.coverage)
    for d in (date(2026, 11, 30), date(2024, 1, 31)):
        attempt(f"deletion_deadline {d}", lambda: a.deletion_deadline(d))
        attempt(f"backup_deletion_deadline {d}", lambda: a.backup_deletion_deadline(d))
        attempt(f"next_audit_allowed {d}", lambda: a.next_audit_allowed(d))
        attempt(f"earliest_audit_date {d}", lambda: a.earliest_audit_date(d))
        attempt(f"termination_window_end {d}", lambda: a.termination_window_end(d))
    t = datetime(2026, 3, 28, 10, 30, tzinfo=cet)
    attempt("breach_notice_deadline", lambda: a.breach_notice_deadline(t))
    attempt("authority_notice_deadline", lambda: a.authority_notice_deadline(t))
    attempt("naive datetime", lambda: a.breach_notice_deadline(datetime(2026, 3, 28)))
    for kind in ("deletion", "breach-notice", "service-response", "nonsense"):
        start: object = t if kind != "deletion" else date(2026, 11, 30)
        attempt(f"deadline {kind}", lambda: a.deadline(kind, start, impact="high"))  # type: ignore[arg-type]
    for e in events:
        text = open(e, encoding="utf-8").read()
        for at in (date(2027, 3, 1), date(2028, 1, 1)):
            attempt(f"timeline_report {os.path.basename(e)} {at}", lambda: a.timeline_report(text, at))
            attempt(f"timeline_ics {os.path.basename(e)} {at}", lambda: a.timeline_ics(text, at, dtstamp=STAMP))
    for other_name, b in agreements.items():
        attempt(f"diff_report -> {other_name}", lambda: dpa.diff_report(a, b, date(2022, 3, 1)))
print("== calendar")
for y in (1900, 2027, 9999, 10000, 0):
    attempt(f"nl_public_holidays {y}", lambda: dpa.nl_public_holidays(y))
for rule in ("clamp", "month-end-sticky", "thirty-days", "bad"):
    attempt(f"add_months {rule}", lambda: dpa.add_months(date(2024, 1, 31), 1, rule=rule))  # type: ignore[arg-type]
attempt("add_months overflow", lambda: dpa.add_months(date(9999, 12, 1), 1))
attempt("add_months_many", lambda: dpa.add_months_many([date(2024, 1, 31), date(2024, 2, 29)], 12))
attempt("next_business_day", lambda: dpa.next_business_day(date(2026, 12, 24)))
attempt("from_toml bad", lambda: dpa.Agreement.from_toml("[statement]\nversion = 1\n"))
attempt("from_json bad", lambda: dpa.Agreement.from_json("{}"))
attempt("json_schema", dpa.json_schema)
