"""How long the calls that release the interpreter take at the sizes where
they start to release it (docs/python.md, "Threads"): a check, transfer
assessment and JSON text of 64 and 256 sub-processors, a timeline of 20
and 256 events, against the seed agreement (14 sub-processors). The sizes
are chosen where the work reaches about a millisecond, more than taking the
interpreter back can cost (up to the 5 ms switch interval when another
thread holds it).

    python benches/python/bench_threads.py [--runs 5] [--calls 20] [--smoke]

Prints the median time per call of `--runs` runs of `--calls` calls each.
"""

from __future__ import annotations

import argparse
import json
import timeit
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

import dpa

ROOT = Path(__file__).resolve().parents[2]


def many_events(count: int) -> str:
    """`count` events: breaches, each notified five minutes after discovery."""
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    events: list[dict[str, str]] = []
    for i in range(count // 2):
        found, told = start + timedelta(minutes=i), start + timedelta(minutes=i + 5)
        events.append({"kind": "breach-discovered", "at": found.isoformat(), "id": f"B-{i}"})
        events.append({"kind": "client-notified-of-breach", "at": told.isoformat(), "breach": f"B-{i}"})
    return json.dumps({"events": events})


def with_sub_processors(base: dpa.Agreement, count: int) -> dpa.Agreement:
    doc = json.loads(base.to_json())
    subs = doc["statement"]["sub_processors"]
    doc["statement"]["sub_processors"] = [
        {**subs[i % len(subs)], "name": f"Sub-processor {i}"} for i in range(count)
    ]
    return dpa.Agreement.from_json(json.dumps(doc))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--calls", type=int, default=20)
    ap.add_argument("--smoke", action="store_true", help="one short run, for the tests")
    args = ap.parse_args()
    runs, calls = (1, 1) if args.smoke else (args.runs, args.calls)

    def per_call(f: Callable[[], Any]) -> str:
        times = sorted(timeit.repeat(f, number=calls, repeat=runs))
        return f"{times[len(times) // 2] / calls * 1e6:,.0f} µs"

    belco = dpa.Agreement.from_file(ROOT / "examples" / "agreements" / "belco.toml")
    on = date(2026, 11, 23)
    print(f"median of {runs} runs of {calls} calls\n")
    print("| sub-processors | check | assess_transfers | to_json |")
    print("|---:|---:|---:|---:|")
    for count in (14, 64, 256):
        a = belco if count == 14 else with_sub_processors(belco, count)
        row = [per_call(lambda: a.check(on)), per_call(lambda: a.assess_transfers(on)), per_call(a.to_json)]
        print(f"| {count} | " + " | ".join(row) + " |")
    print("\n| events | timeline |")
    print("|---:|---:|")
    for count in (20, 256):
        text = many_events(count)
        print(f"| {count} | {per_call(lambda: belco.timeline(text, at=date(2027, 1, 1)))} |")


if __name__ == "__main__":
    main()
