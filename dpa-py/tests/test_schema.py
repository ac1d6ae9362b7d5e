"""The JSON Schema and the library agree, checked with Python's `jsonschema`
asserting formats (as the README tells Python users to validate): documents
derived from Belco's agreement, each changed in one place, get the same
verdict from the schema and from `dpa.Agreement.from_json`.

Source: issue 20 point 2; the JSON Schema specification, draft 2020-12
(Core §4.2.1, Validation §7); README "The file format".
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Tuple

import jsonschema
import pytest

import dpa

Doc = Dict[str, Any]


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    def edit(doc: Doc) -> None:
        *parents, key = path.split("/")
        node: Any = doc
        for p in parents:
            node = node[int(p)] if isinstance(node, list) else node[p]
        node[key] = value

    return edit


CASES: List[Tuple[str, Callable[[Doc], None], bool]] = [
    ("as written", lambda doc: None, True),
    ("months 3.0", _set("terms/deletion/months", 3.0), True),
    ("months 1e2", _set("terms/deletion/months", 1e2), True),
    ("months 3.5", _set("terms/deletion/months", 3.5), False),
    ("months 121.0", _set("terms/deletion/months", 121.0), False),
    ("format version 1.0", _set("dpa_format", 1.0), True),
    ("30 February", _set("statement/effective_date", "2026-02-30"), False),
    ("29 February, common year", _set("statement/effective_date", "2026-02-29"), False),
    ("29 February, leap year", _set("statement/effective_date", "2024-02-29"), True),
    ("a month", _set("statement/effective_date", "2022-01"), True),
    ("a year", _set("statement/effective_date", "2022"), True),
    ("month 13", _set("statement/effective_date", "2022-13"), False),
    ("zone New York", _set("rules/time_zone", "America/New_York"), True),
    ("zone in lower case", _set("rules/time_zone", "europe/amsterdam"), False),
    ("unknown zone", _set("rules/time_zone", "Europe/Leeuwarden"), False),
    ("unknown key", _set("rules/foo", 1), False),
    ("deletion within 3651 days", _set("terms/deletion/within", "3651 days"), False),
]


@pytest.mark.parametrize("what,edit,valid", CASES, ids=[c[0] for c in CASES])
def test_schema_and_library_agree(
    belco: dpa.Agreement, what: str, edit: Callable[[Doc], None], valid: bool
) -> None:
    schema = json.loads(dpa.json_schema())
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    doc: Doc = json.loads(belco.to_json())
    if what.startswith("deletion within"):
        del doc["terms"]["deletion"]["months"]
    edit(doc)
    assert validator.is_valid(doc) is valid, list(validator.iter_errors(doc))
    if valid:
        dpa.Agreement.from_json(json.dumps(doc))
    else:
        with pytest.raises(dpa.DpaError):
            dpa.Agreement.from_json(json.dumps(doc))


def test_schema_checks_with_the_specifications_meta_schema() -> None:
    schema = json.loads(dpa.json_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
