"""What is overdue, and what falls due soon, across a folder of agreements.

Loads every agreement (``*.toml``, ``*.json``) in FOLDER, builds each one's
obligation timeline from the termination dates and events files given on the
command line, and prints one table: every obligation that is overdue as of
``--at`` (missed, past an "in principe" term, or a notice "without undue
delay" past its bound, and not done; or a return made impossible), and every
pending one that falls due within ``--days`` days after it.

Usage::

    python examples/python/portfolio.py FOLDER [--at YYYY-MM-DD] [--days 90]
        [--terminated NAME=YYYY-MM-DD ...] [--events NAME=FILE ...] [--fail-on-overdue]

NAME is an agreement's file name without its extension (``belco`` for
``belco.toml``). ``--terminated`` adds an ``agreement-terminated`` event on
that date; ``--events`` adds the events of an events file (TOML or JSON, as
``dpa deadlines --events`` reads). Both may be given for the same agreement
and repeated for others. ``--at`` defaults to today; the exit status is 0,
or 1 with ``--fail-on-overdue`` when anything is overdue (2 for bad input).

Example, from the repository root::

    python examples/python/portfolio.py examples/agreements --at 2027-01-15 \\
        --terminated alles-online=2026-10-01 --events belco=examples/events/belco-2027.toml
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Dict, List, Optional, Union

import dpa


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    agreement: str
    obligation: str
    owner: str
    due: date
    state: str
    citation: str


def day_of(value: Union[date, datetime]) -> date:
    """The date of a due date, or of a UTC instant."""
    return value.date() if isinstance(value, datetime) else value


def parse_pairs(values: List[str], what: str) -> Dict[str, str]:
    """NAME=VALUE arguments as a dict (one value per name)."""
    pairs: Dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name or not value:
            raise SystemExit(f"portfolio: {what} takes NAME=VALUE, got {item!r}")
        if name in pairs:
            raise SystemExit(f"portfolio: {what} given twice for {name}")
        pairs[name] = value
    return pairs


def events_for(name: str, terminated: Optional[date], events_file: Optional[Path]) -> Union[str, List[Dict[str, object]]]:
    """The events of one agreement: as text (a TOML events file, with the
    termination appended as one more table) or as a list of dicts (a JSON
    events file, or none)."""
    if events_file is not None and events_file.suffix.lower() != ".json":
        text = events_file.read_text(encoding="utf-8")
        if terminated is not None:
            text += f'\n[[events]]\nkind = "agreement-terminated"\ndate = {terminated.isoformat()}\n'
        return text
    events: List[Dict[str, object]] = []
    if events_file is not None:
        document = json.loads(events_file.read_text(encoding="utf-8"))
        events.extend(document["events"])
    if terminated is not None:
        events.append({"kind": "agreement-terminated", "date": terminated})
    return events


def rows_for(name: str, agreement: dpa.Agreement, events: Union[str, List[Dict[str, object]]], at: date, horizon: date) -> List[Row]:
    """The overdue and soon-due obligations of one agreement."""
    rows: List[Row] = []
    for o in agreement.timeline(events, at=at):
        if o.status == "late" and o.done is None and o.late_after is not None and o.elapsed is not None:
            # "Without undue delay": no due date, but past the bound.
            due = day_of(o.late_after)
            hours = int(o.elapsed.total_seconds() // 3600)
            state = f"OVERDUE: not given {hours} hours after the event (without undue delay)"
            what = o.kind if o.subject is None else f"{o.kind} [{o.subject}]"
            rows.append(Row(name, what, o.owner, due, state, o.deadline.citation))
            continue
        if o.due is None:
            continue
        due = day_of(o.due)
        if o.status == "missed" and o.impossible_since is not None:
            state = f"OVERDUE: impossible since {o.impossible_since.isoformat()} (data deleted)"
        elif o.status in ("missed", "exceeded") and o.done is None:
            late = o.late_by.days if o.late_by is not None else (at - due).days
            state = f"OVERDUE by {late} day{'s' if late != 1 else ''}"
            if o.status == "exceeded":
                state += " (term \"in principe\")"
        elif o.status == "pending" and at <= due <= horizon:
            left = (due - at).days
            state = "due today" if left == 0 else f"due in {left} day{'s' if left != 1 else ''}"
        else:
            continue
        what = o.kind if o.subject is None else f"{o.kind} [{o.subject}]"
        rows.append(Row(name, what, o.owner, due, state, o.deadline.citation))
    return rows


def table(rows: List[Row]) -> str:
    """The rows as an aligned text table (overdue first, then by due date)."""
    header = ("agreement", "obligation", "owner", "due", "status", "rests on")
    lines = [(r.agreement, r.obligation, r.owner, r.due.isoformat(), r.state, r.citation) for r in rows]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *lines)]

    def fmt(cells: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [fmt(header), fmt(tuple("-" * w for w in widths))]
    out.extend(fmt(cells) for cells in lines)
    return "\n".join(out)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(
        description="List what is overdue and what falls due soon across a folder of agreements.",
        epilog="NAME is an agreement's file name without its extension.",
    )
    ap.add_argument("folder", type=Path, help="folder with agreement files (*.toml, *.json)")
    ap.add_argument("--at", type=date.fromisoformat, default=None, help="as of this date (default: today)")
    ap.add_argument("--days", type=int, default=90, help="how far ahead to look (default: 90)")
    ap.add_argument("--terminated", action="append", default=[], metavar="NAME=DATE", help="the agreement ended on DATE")
    ap.add_argument("--events", action="append", default=[], metavar="NAME=FILE", help="an events file for the agreement")
    ap.add_argument("--fail-on-overdue", action="store_true", help="exit 1 when anything is overdue")
    args = ap.parse_args(argv)

    at: date = args.at if args.at is not None else date.today()
    horizon = at + timedelta(days=args.days)
    terminated = {k: date.fromisoformat(v) for k, v in parse_pairs(args.terminated, "--terminated").items()}
    events_files = {k: Path(v) for k, v in parse_pairs(args.events, "--events").items()}

    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in (".toml", ".json"))
    names = {p.stem for p in files}
    for unknown in sorted((set(terminated) | set(events_files)) - names):
        print(f"portfolio: no agreement named {unknown!r} in {args.folder}", file=sys.stderr)
        return 2

    rows: List[Row] = []
    try:
        for path in files:
            agreement = dpa.Agreement.from_file(path)
            events = events_for(path.stem, terminated.get(path.stem), events_files.get(path.stem))
            rows.extend(rows_for(path.stem, agreement, events, at, horizon))
    except (dpa.DpaError, OSError) as e:
        print(f"portfolio: {e}", file=sys.stderr)
        return 2

    rows.sort(key=lambda r: (not r.state.startswith("OVERDUE"), r.due, r.agreement))
    overdue = sum(r.state.startswith("OVERDUE") for r in rows)
    print(f"{len(files)} agreement(s) in {args.folder}, as of {at.isoformat()}, "
          f"looking {args.days} days ahead (to {horizon.isoformat()}):")
    print()
    print(table(rows) if rows else "nothing overdue, nothing due")
    print()
    print(f"{overdue} overdue, {len(rows) - overdue} due within {args.days} days")
    return 1 if overdue and args.fail_on_overdue else 0


if __name__ == "__main__":
    sys.exit(main())
