"""The interpreter is released during long computations (docs/python.md,
"Threads"): another thread keeps running Python code meanwhile.

Each test runs a call while a second thread counts, and asserts that the
count grew during the call. The switch interval is raised for the test, so
that the interpreter changes hands only where it is released explicitly (a
blocking wait, or a call that releases it); a call that holds it from start
to end leaves the count where it was, on any machine. No time is measured.
"""

from __future__ import annotations

import json
import sys
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

import dpa

UTC = timezone.utc


def progress_during(call: Callable[[], Any]) -> int:
    """How many times another thread ran Python code while `call` ran."""
    counter = 0
    stop = threading.Event()
    ready = threading.Event()

    def spin() -> None:
        nonlocal counter
        ready.set()
        # Each wait releases the interpreter, so the caller gets it back.
        while not stop.wait(0.0002):
            counter += 1

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    thread = threading.Thread(target=spin)
    thread.start()
    try:
        ready.wait()
        before = counter
        call()
        after = counter
    finally:
        stop.set()
        thread.join()
        sys.setswitchinterval(old)
    return after - before


def many_events(count: int) -> str:
    """An events document of `count` events: breaches, each notified to the
    client five minutes after its discovery."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    events: list[dict[str, str]] = []
    for i in range(count // 2):
        found, told = start + timedelta(minutes=i), start + timedelta(minutes=i + 5)
        events.append({"kind": "breach-discovered", "at": found.isoformat(), "id": f"B-{i}"})
        events.append({"kind": "client-notified-of-breach", "at": told.isoformat(), "breach": f"B-{i}"})
    return json.dumps({"events": events})


def large_agreement(belco: dpa.Agreement, count: int) -> dpa.Agreement:
    doc = json.loads(belco.to_json())
    subs = doc["statement"]["sub_processors"]
    doc["statement"]["sub_processors"] = [
        {**subs[i % len(subs)], "name": f"Sub-processor {i}"} for i in range(count)
    ]
    return dpa.Agreement.from_json(json.dumps(doc))


def test_a_long_timeline_lets_other_threads_run(belco: dpa.Agreement) -> None:
    """Source: docs/python.md ("Threads": the timeline of 256 events or
    more is computed with the interpreter released)."""
    text = many_events(100_000)
    assert progress_during(lambda: belco.timeline(text, at=date(2027, 1, 1))) > 0


def test_a_timeline_of_event_dicts_lets_other_threads_run(belco: dpa.Agreement) -> None:
    """Source: docs/python.md ("Threads": the dicts are read with the
    interpreter held, the document built from them is parsed and the
    timeline computed without it)."""
    events = json.loads(many_events(100_000))["events"]
    assert progress_during(lambda: belco.timeline(events, at=date(2027, 1, 1))) > 0


def test_checks_and_transfers_of_a_large_agreement_let_other_threads_run(
    belco: dpa.Agreement,
) -> None:
    """Source: docs/python.md ("Threads": agreements of 256 sub-processors or
    more are checked, assessed, compared and written without the
    interpreter)."""
    big = large_agreement(belco, 10_000)
    on = date(2026, 11, 23)
    assert progress_during(lambda: big.check(on)) > 0
    assert progress_during(lambda: big.assess_transfers(on)) > 0
    assert progress_during(lambda: dpa.diff(belco, big)) > 0
    assert progress_during(big.to_toml) > 0


def test_parsing_a_large_text_lets_other_threads_run(belco: dpa.Agreement) -> None:
    """Source: docs/python.md ("Threads": texts of 256 KiB or more are
    parsed without the interpreter)."""
    text = large_agreement(belco, 10_000).to_json()
    assert progress_during(lambda: dpa.Agreement.from_json(text)) > 0


def test_importing_a_pdf_lets_other_threads_run(tmp_path: Path, make_pdf: Callable[[str, str], bytes]) -> None:
    """Source: docs/python.md ("Importing a statement": the file is read,
    its text extracted and imported with the interpreter released): a PDF
    of the Belco seed (14 pages), as bytes and by path."""
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    text = next(iter(sorted(seeds.glob("000_*.txt")))).read_text(encoding="utf-8")
    pdf = make_pdf(text, "Belco B.V. | Data Pro Statement")
    assert progress_during(lambda: dpa.import_statement(pdf)) > 0
    file = tmp_path / "belco.pdf"
    file.write_bytes(pdf)
    assert progress_during(lambda: dpa.import_statement(file)) > 0


def test_small_calls_keep_the_interpreter(belco: dpa.Agreement) -> None:
    """Below the sizes where releasing pays, the interpreter is kept: the
    other thread does not run during a small call.
    Source: docs/python.md ("Threads")."""
    assert progress_during(lambda: belco.check(date(2026, 11, 23))) == 0
    assert progress_during(lambda: dpa.add_months(date(2026, 1, 31), 1)) == 0
