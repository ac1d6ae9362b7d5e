"""The documented limits (README "Invariants and limits") through Python:
one past each limit raises an exception naming the field, never a crash."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

import dpa

MAX_SUB_PROCESSORS = 10_000
MAX_STRING_CHARS = 65_536
MAX_EVENTS = 100_000
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
MAX_TOML_VALUES = 1_000_000


def belco_doc(belco: dpa.Agreement) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(belco.to_json())
    return doc


def test_sub_processors(belco: dpa.Agreement) -> None:
    doc = belco_doc(belco)
    first = doc["statement"]["sub_processors"][0]
    doc["statement"]["sub_processors"] = [
        {**first, "name": f"Sub-processor {i}"} for i in range(MAX_SUB_PROCESSORS)
    ]
    assert len(dpa.Agreement.from_json(json.dumps(doc)).sub_processors) == MAX_SUB_PROCESSORS
    doc["statement"]["sub_processors"].append(first)
    with pytest.raises(dpa.ValidationError) as e:
        dpa.Agreement.from_json(json.dumps(doc))
    assert e.value.path == "statement.sub_processors"
    assert "more than the limit of 10000 sub-processors" in str(e.value)


def test_string_length(belco: dpa.Agreement) -> None:
    doc = belco_doc(belco)
    doc["statement"]["processor"]["name"] = "é" * MAX_STRING_CHARS
    assert dpa.Agreement.from_json(json.dumps(doc)).processor_name == "é" * MAX_STRING_CHARS
    doc["statement"]["processor"]["name"] = "é" * (MAX_STRING_CHARS + 1)
    with pytest.raises(dpa.ValidationError) as e:
        dpa.Agreement.from_json(json.dumps(doc))
    assert e.value.path == "statement.processor.name"
    assert "65536" in str(e.value)


def test_events_document(belco: dpa.Agreement) -> None:
    one = '[[events]]\nkind = "audit-held"\ndate = 2026-11-30\n'
    assert len(belco.timeline(one * MAX_EVENTS, at=date(2026, 12, 1))) == 0
    with pytest.raises(dpa.ValidationError) as e:
        belco.timeline(one * (MAX_EVENTS + 1), at=date(2026, 12, 1))
    assert e.value.path == "events"
    assert "more than the limit of 100000 events" in str(e.value)


def test_events_list(belco: dpa.Agreement) -> None:
    # A list of dicts is refused at item 100,001, before it is converted.
    class Endless:
        def __iter__(self) -> Endless:
            self.n = 0
            return self

        def __next__(self) -> dict[str, str]:
            self.n += 1
            return {"kind": "audit-held", "date": "2026-11-30"}

    endless = Endless()
    with pytest.raises(dpa.InvalidInput) as e:
        belco.timeline(endless, at=date(2026, 12, 1))
    assert e.value.path == "events"
    # Item 100,001 was taken from the iterator, and refused unread.
    assert endless.n == MAX_EVENTS + 1


def test_document_size() -> None:
    with pytest.raises(dpa.ParseError, match="more than the limit of 16777216 bytes"):
        dpa.Agreement.from_toml("#" * (MAX_DOCUMENT_BYTES + 1))
    with pytest.raises(dpa.ParseError, match="more than the limit"):
        dpa.Agreement.from_json(b" " * (MAX_DOCUMENT_BYTES + 1))


def test_toml_values() -> None:
    # README "Invariants and limits": at most 1,000,000 values in a TOML document.
    at_limit = "x = [" + ",".join(["0"] * (MAX_TOML_VALUES - 1)) + "]"
    with pytest.raises(dpa.ValidationError):  # read, then refused for its key `x`
        dpa.Agreement.from_toml(at_limit)
    with pytest.raises(dpa.ParseError, match="more than the limit of 1000000 values") as e:
        dpa.Agreement.from_toml(at_limit.replace("[", "[0,", 1))
    assert (e.value.line, e.value.column) == (1, 6 + 2 * (MAX_TOML_VALUES - 1))


def test_nesting_depth() -> None:
    for depth in (129, 100_000):
        with pytest.raises(dpa.DpaError):
            dpa.Agreement.from_json('{"dpa_format": 1, "x": ' + "[" * depth + "]" * depth + "}")
        with pytest.raises(dpa.DpaError):
            dpa.Agreement.from_toml("dpa_format = 1\nx = " + "[" * depth + "]" * depth)


def test_nested_event_values(belco: dpa.Agreement) -> None:
    deep: Any = "x"
    for _ in range(10_000):
        deep = {"a": deep}
    with pytest.raises(dpa.InvalidInput, match="nested too deeply"):
        belco.timeline([{"kind": "audit-held", "date": "2026-11-30", "note": deep}])


def test_years_1_to_9999(belco: dpa.Agreement, belco_toml: str) -> None:
    with pytest.raises(dpa.InvalidInput):
        dpa.add_months(date(9999, 12, 31), 1)
    with pytest.raises(dpa.InvalidInput):
        dpa.add_months(date(1, 1, 1), -1)
    with pytest.raises(dpa.InvalidInput):
        belco.deletion_deadline(date(9999, 12, 1))
    with pytest.raises(dpa.ValidationError) as e:
        dpa.Agreement.from_toml(belco_toml.replace("date = 2021-11-03", "date = 0000-11-03", 1))
    assert e.value.path == "statement.history[1].date"
