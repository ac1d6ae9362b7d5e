"""dpa.import_statement: a Data Pro Statement's text to a draft agreement
file and a review list (issue 18), checked against the hand-encoded agreement
files of the two seed statements and the example statements."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import dpa

ROOT = Path(__file__).resolve().parents[2]
AGREEMENTS = ROOT / "examples" / "agreements"
STATEMENTS = ROOT / "examples" / "statements"
SEEDS = ROOT.parent / "shared" / "seeds"


def seed(prefix: str) -> Path:
    """The seed statement whose file name starts with `prefix` (the shared
    folder beside the repository, as the Rust tests read it)."""
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert found, f"no seed {prefix}_* in {SEEDS}: the tests need ../shared/seeds"
    return found[0]


# Each statement with the agreement file encoded from it by hand.
CASES: List[Tuple[str, Path, str]] = [
    ("belco", seed("000"), "belco.toml"),
    ("alles-online", seed("004"), "alles-online.toml"),
    ("voorbeeld-webdiensten", STATEMENTS / "voorbeeld-webdiensten.txt", "voorbeeld-webdiensten.toml"),
    ("example-hosting-en", STATEMENTS / "example-hosting-en.txt", "example-hosting-en.toml"),
]


def hand(file: str) -> Dict[str, Any]:
    """The hand-encoded agreement as its JSON form."""
    data: Dict[str, Any] = json.loads(dpa.Agreement.from_file(AGREEMENTS / file).to_json())
    return data


def term(t: Dict[str, Any]) -> Optional[str]:
    """A deletion term of the agreement's JSON as the review writes it."""
    if "within" in t:
        return str(t["within"])
    if "months" in t:
        n = int(t["months"])
        return f"{n} month" if n == 1 else f"{n} months"
    return None


def notice(n: Optional[Dict[str, Any]]) -> Optional[str]:
    """A breach notice term of the agreement's JSON as the review writes it."""
    if n is None:
        return None
    if n["kind"] == "within-hours":
        return f"within {n['hours']} hours"
    if n["kind"] == "within":
        days = int(str(n["term"]).split()[0])
        assert str(n["term"]).split()[1].startswith("day")
        return f"within {24 * days} hours"
    return "without undue delay"


def stated(review: dpa.ImportReview, field: str) -> Optional[str]:
    v = review.value(field)
    assert v is not None, f"no review entry {field}"
    return v.value if v.status == "stated" else None


@pytest.mark.parametrize(("name", "path", "file"), CASES, ids=[c[0] for c in CASES])
def test_values_agree_with_the_agreement_file(name: str, path: Path, file: str) -> None:
    draft, review = dpa.import_statement(path)
    a = hand(file)
    st, terms = a["statement"], a["terms"]
    # Every value stated is the file's; the operative terms are found.
    assert stated(review, "statement.processor.name") == st["processor"]["name"]
    assert stated(review, "terms.deletion") == term(terms["deletion"])
    assert stated(review, "terms.breach.notice") == notice(terms["breach"].get("notice"))
    version = stated(review, "statement.version")
    assert version in (None, st["version"])
    for key in ("art9", "art10", "government_identifiers"):
        got = stated(review, f"statement.special_categories.{key}")
        want = st["special_categories"][key]
        if got is not None or want == "not-stated":
            assert got == (None if want == "not-stated" else want), (key, got, want)
    method = stated(review, "terms.return_of_data.method")
    assert method in (None, terms["return_of_data"].get("method"))
    channels = stated(review, "terms.breach.channels")
    if channels is not None:
        assert sorted(channels.split(", ")) == sorted(terms["breach"]["channels"])
    for flag in ("indefinite", "ends_with_main_agreement"):
        got = stated(review, f"terms.duration.{flag}")
        assert got in (None, "true") and (got is None or terms["duration"][flag] is True)
    # Each sub-processor with its seat.
    subs = st.get("sub_processors", [])
    for i, sp in enumerate(subs):
        seat = review.value(f"statement.sub_processors[{i}].seat ({sp['name']})")
        assert seat is not None, sp["name"]
        if "seat" in sp and (seat.status == "stated" or name in ("belco", "alles-online")):
            # In the seeds every seat is found; elsewhere one may be missed,
            # never wrong.
            assert seat.value == sp["seat"], sp["name"]
    # Evidence: a stated value cites its item, its lines lie in the text and
    # its quote is the text's (whitespace joined).
    text = path.read_text(encoding="utf-8")
    joined = " ".join(text.split())
    lines = text.count("\n") + 1
    for v in review.values:
        if v.status == "stated":
            assert v.clause is not None and v.lines is not None and v.quote is not None, v
            first, last = v.lines
            assert 1 <= first <= last <= lines, v
            assert v.quote.rstrip("…")[:60] in joined, v
    assert draft.toml.startswith("# Draft written by `dpa import`")
    assert str(draft) == draft.toml


def test_belco_seed_in_detail() -> None:
    draft, review = dpa.import_statement(seed("000"))
    assert stated(review, "terms.deletion") == "3 months"
    v = review.value("terms.deletion")
    assert v is not None and v.clause == "DPS 1.11" and "uiterlijk binnen 3 maanden" in (v.quote or "")
    assert stated(review, "terms.breach.channels") == "phone, email"
    # The ten items of DPS 1.13, as written.
    info = stated(review, "terms.breach.information")
    assert info is not None and info.split("; ")[0] == "Soort incident"
    assert len(info.split("; ")) == len(hand("belco.toml")["terms"]["breach"]["information"])
    assert stated(review, "terms.return_of_data.method") == "self-service-export"
    intended = review.value("statement.intended_use")
    assert intended is not None and intended.clause == "DPS 1.5"
    # "per jaar": the reading is a person's, with the candidates and the key.
    period = review.value("terms.audit.period")
    assert period is not None and period.status == "ambiguous" and period.needs_review
    assert period.setting == "terms.audit.period"
    assert any(r.startswith("rolling") for r in period.readings)
    assert any(r.startswith("calendar") for r in period.readings)
    assert period in review.flagged
    assert review.needs_review
    # Template items with their number and lines.
    items = {i.item: i for i in review.items}
    assert items["deletion"].found and items["deletion"].clause == "DPS 1.11"
    assert items["deletion"].status == "found"
    dl = items["deletion"].lines
    assert dl is not None and v.lines is not None and dl[0] <= v.lines[0] <= v.lines[1] <= dl[1]
    assert "# REVIEW terms.audit.period" in draft.toml


def test_alles_online_breach_items_are_ambiguous_with_readings() -> None:
    _, review = dpa.import_statement(seed("004"))
    info = review.value("terms.breach.information")
    assert info is not None and info.status == "ambiguous" and info.needs_review
    # "mogelijke gevolgen en de getroffen en te nemen maatregelen": which
    # "en" ends the list is a person's to say; the file's reading is one.
    want = [x.lower() for x in hand("alles-online.toml")["terms"]["breach"]["information"]]
    assert [r.lower().split("; ") for r in info.readings].count(want) == 1, info.readings
    assert stated(review, "terms.breach.channels") == "known-contact"
    assert stated(review, "terms.return_of_data.method") == "on-request"
    assert stated(review, "terms.return_of_data.before_deletion") == "true"
    assert stated(review, "statement.special_categories.art9") == "specific-applications-only"


def test_text_bytes_and_path_give_the_same_import(tmp_path: Path) -> None:
    path = STATEMENTS / "voorbeeld-webdiensten.txt"
    text = path.read_text(encoding="utf-8")
    by_path = dpa.import_statement(path)
    assert dpa.import_statement(text) == by_path
    assert dpa.import_statement(text.encode("utf-8")) == by_path
    # A byte-order mark changes nothing.
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert dpa.import_statement(bom) == by_path
    assert dpa.import_statement("\ufeff" + text) == by_path


def test_review_json_is_the_command_s_json() -> None:
    _, review = dpa.import_statement(STATEMENTS / "northwind-analytics-en.txt")
    data = json.loads(review.to_json())
    assert review.to_json().endswith("}\n")
    assert [i["item"] for i in data["items"]] == [i.item for i in review.items]
    for j, i in zip(data["items"], review.items):
        assert j["status"] == i.status
        assert j.get("clause") == i.clause
        assert (tuple(j["lines"]) if "lines" in j else None) == i.lines
    assert len(data["values"]) == len(review.values)
    for j, v in zip(data["values"], review.values):
        assert j["field"] == v.field and j["status"] == v.status
        assert j.get("value") == v.value and j.get("quote") == v.quote
        assert j.get("readings", []) == v.readings and j.get("setting") == v.setting
        assert j["needs_review"] == v.needs_review
    # The redacted address is a placeholder for a person.
    placeholders = [v for v in review.values if v.status == "placeholder"]
    assert len(placeholders) == 1 and "xxxx@xxxx.xxx" in (placeholders[0].quote or "")
    assert "! placeholder" in str(review)


def test_example_hosting_needs_no_review() -> None:
    _, review = dpa.import_statement(STATEMENTS / "example-hosting-en.txt")
    assert not review.needs_review and review.flagged == []
    assert str(review).endswith("Nothing needs review.\n")
    assert stated(review, "terms.return_of_data.method") == "self-service-export"
    assert stated(review, "terms.duration.ends_with_main_agreement") == "true"


def test_the_draft_becomes_an_agreement_once_complete() -> None:
    draft, _ = dpa.import_statement(STATEMENTS / "example-hosting-en.txt")
    # What the statement does not say (its processing locations, the
    # clauses' parts) is missing: the draft is no agreement yet, and the
    # error names the field.
    with pytest.raises(dpa.ValidationError) as e:
        draft.agreement()
    assert e.value.path
    assert 'within = "30 days"' in draft.toml


def test_not_a_statement_is_its_own_exception(tmp_path: Path) -> None:
    text = "Algemene voorwaarden\n\n1. Prijzen\n2. Levering\n"
    with pytest.raises(dpa.NotAStatement) as e:
        dpa.import_statement(text)
    assert isinstance(e.value, dpa.InvalidInput) and isinstance(e.value, ValueError)
    assert e.value.reason is not None and e.value.reason.startswith("it has no part heading")
    assert e.value.path == "statement"
    assert "not a Data Pro Statement" in str(e.value)
    again = pickle.loads(pickle.dumps(e.value))
    assert type(again) is dpa.NotAStatement and again.reason == e.value.reason
    f = tmp_path / "voorwaarden.txt"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(dpa.NotAStatement) as e:
        dpa.import_statement(f)
    assert str(e.value).startswith(f"{f}: ")
    # A str is text: a file name given as one says how to pass a path.
    with pytest.raises(dpa.NotAStatement) as e:
        dpa.import_statement("statement.txt")
    assert "pathlib.Path('statement.txt')" in str(e.value)


def test_pdf_and_word_files_are_refused_with_what_is_read(tmp_path: Path) -> None:
    pdf = tmp_path / "dps.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(dpa.InvalidInput) as e:
        dpa.import_statement(pdf)
    assert str(pdf) in str(e.value) and "a PDF file" in str(e.value)
    assert "plain-text or Markdown" in str(e.value)
    assert not isinstance(e.value, dpa.NotAStatement)
    docx = tmp_path / "dps.docx"
    docx.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    with pytest.raises(dpa.InvalidInput, match="DOCX"):
        dpa.import_statement(docx)
    # By its bytes, whatever its name.
    renamed = tmp_path / "dps.txt"
    renamed.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(dpa.InvalidInput, match="a PDF file"):
        dpa.import_statement(renamed)


def test_bad_input(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        dpa.import_statement(tmp_path / "missing.txt")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Deel 1: Data Pro Statement\nbeëindiging\n".encode("latin-1"))
    with pytest.raises(dpa.ParseError):
        dpa.import_statement(latin1)
    with pytest.raises(TypeError, match="text_or_path"):
        dpa.import_statement(42)  # type: ignore[arg-type]
    with pytest.raises(dpa.ParseError):
        dpa.import_statement("Deel 1 \ud800")
