"""dpa.import_statement: a Data Pro Statement's text to a draft agreement
file and a review list (issue 18), checked against the hand-encoded agreement
files of the two seed statements and the example statements; PDF and DOCX
files of them (made in the tests: conftest.py) import as their text does."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

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
    # DPS 8: "in beginsel binnen de EU/EER ... doorgifte naar de Verenigde
    # Staten": the EEA and the US, processing outside the EEA.
    assert stated(review, "statement.processing_locations.locations") == "EEA, US"
    assert stated(review, "statement.processing_locations.transfers_outside_eea") == "true"


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


# The statements of the PDF and DOCX tests, each with the running header
# its pages carry.
DOCUMENTS: List[Tuple[str, Path, str]] = [
    ("voorbeeld-webdiensten", STATEMENTS / "voorbeeld-webdiensten.txt", "Voorbeeld Webdiensten B.V. - Data Pro Statement"),
    ("example-hosting-en", STATEMENTS / "example-hosting-en.txt", "Example Hosting - Data Pro Statement"),
    ("northwind-analytics-en", STATEMENTS / "northwind-analytics-en.txt", "Northwind Analytics - Data Pro Statement"),
    ("belco", seed("000"), "Belco B.V. | Data Pro Statement"),
    ("alles-online", seed("004"), "Alles Online B.V. - Verwerkersovereenkomst"),
]

Import = Tuple[dpa.ImportDraft, dpa.ImportReview]


def without_lines(result: Import) -> Tuple[str, List[Any], List[Any]]:
    """An import without its line numbers (a PDF's or a Word table's lines
    are not the text file's): the draft with `line N` in its comments, the
    template items and every value of the review."""
    draft, review = result
    toml = re.sub(r"\bline \d+", "line N", draft.toml)
    items = [(i.item, i.status, i.found, i.clause) for i in review.items]
    values = [
        (v.field, v.status, v.value, v.clause, v.quote, v.readings, v.setting, v.needs_review)
        for v in review.values
    ]
    return toml, items, values


@pytest.mark.parametrize(("name", "path", "header"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_a_pdf_imports_as_its_text(
    name: str, path: Path, header: str, tmp_path: Path, make_pdf: Callable[[str, str], bytes]
) -> None:
    """Source: issue 18 point 1 (PDF input, as `dpa import` reads it): a PDF
    of pages with a running header and "Pagina N van M" footers gives the
    values, review and draft of its text, by path and as bytes."""
    text = path.read_text(encoding="utf-8")
    pdf = make_pdf(text, header)
    assert pdf.startswith(b"%PDF-")
    file = tmp_path / f"{name}.pdf"
    file.write_bytes(pdf)
    by_path = dpa.import_statement(file)
    by_text = dpa.import_statement(text)
    assert without_lines(by_path) == without_lines(by_text)
    # The header is not a value of the draft, and a stated value's lines
    # are within the PDF's text.
    assert header not in by_path[0].toml
    for v in by_path[1].values:
        if v.status == "stated":
            assert v.lines is not None and 1 <= v.lines[0] <= v.lines[1], v
    # Bytes are told by their content: the same import.
    assert dpa.import_statement(pdf) == by_path
    # The kind is the content's, not the name's: a PDF named .txt is a PDF.
    renamed = tmp_path / f"{name}.txt"
    renamed.write_bytes(pdf)
    assert dpa.import_statement(renamed) == by_path


@pytest.mark.parametrize(("name", "path", "header"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_a_docx_imports_as_its_text(
    name: str, path: Path, header: str, tmp_path: Path, make_docx: Callable[[str, str], bytes]
) -> None:
    """Source: issue 18 point 1 (DOCX input: "the template is distributed
    as Word"): a paragraph per line in split runs, Markdown tables as Word
    tables, a page header part; the values, review and draft of the text."""
    text = path.read_text(encoding="utf-8")
    docx = make_docx(text, header)
    file = tmp_path / f"{name}.docx"
    file.write_bytes(docx)
    by_path = dpa.import_statement(file)
    by_text = dpa.import_statement(text)
    assert without_lines(by_path) == without_lines(by_text)
    if not any(line.lstrip().startswith("|") for line in text.splitlines()):
        # A paragraph per line and no table: the same lines too.
        assert by_path == by_text
    assert dpa.import_statement(docx) == by_path


def test_the_seeds_pdf_keeps_the_operative_terms(tmp_path: Path, make_pdf: Callable[[str, str], bytes]) -> None:
    """Source: Belco DPS 1.11 ("uiterlijk binnen 3 maanden") and DPS 1.13:
    read from a PDF of the seed, the terms and their citations are the
    text's."""
    file = tmp_path / "belco.pdf"
    file.write_bytes(make_pdf(seed("000").read_text(encoding="utf-8"), "Belco B.V. | Data Pro Statement"))
    draft, review = dpa.import_statement(file)
    assert stated(review, "terms.deletion") == "3 months"
    v = review.value("terms.deletion")
    assert v is not None and v.clause == "DPS 1.11" and "uiterlijk binnen 3 maanden" in (v.quote or "")
    assert stated(review, "terms.breach.channels") == "phone, email"
    period = review.value("terms.audit.period")
    assert period is not None and period.status == "ambiguous" and period.setting == "terms.audit.period"
    assert "# REVIEW terms.audit.period" in draft.toml


def refused(target: Any) -> dpa.InvalidInput:
    """The `InvalidInput` `import_statement(target)` raises: never a
    `NotAStatement` (the file was not read as text), its `path` the
    statement."""
    with pytest.raises(dpa.InvalidInput) as e:
        dpa.import_statement(target)
    assert not isinstance(e.value, dpa.NotAStatement), e.value
    assert e.value.path == "statement", e.value
    return e.value


def test_files_the_import_cannot_read_are_refused_with_why(
    tmp_path: Path,
    make_pdf: Callable[[str, str], bytes],
    make_docx: Callable[[str, str], bytes],
    make_zip: Callable[[Dict[str, str]], bytes],
) -> None:
    """Source: issue 18 point 4 ("never a silent guess"): a file whose name
    promises another kind, an old Word file, RTF, a damaged PDF and a zip
    archive that is no Word document each raise `InvalidInput` naming the
    file and saying what to do, as `dpa import` refuses them."""
    text = (STATEMENTS / "example-hosting-en.txt").read_text(encoding="utf-8")
    # A text file named .pdf or .docx: the name says one kind, the content another.
    fake_pdf = tmp_path / "dps.pdf"
    fake_pdf.write_text(text, encoding="utf-8")
    e = refused(fake_pdf)
    assert str(e).startswith(f"{fake_pdf}: "), e
    assert "says PDF, but the content is not a PDF" in str(e)
    fake_docx = tmp_path / "dps.docx"
    fake_docx.write_text(text, encoding="utf-8")
    assert "says DOCX, but the content is not a Word document" in str(refused(fake_docx))
    # An old Word file (an OLE2 compound file), whatever its name; a .doc
    # holding text.
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    doc = tmp_path / "dps.doc"
    doc.write_bytes(ole2)
    e = refused(doc)
    assert str(doc) in str(e) and "old Word document (.doc" in str(e)
    assert "save it as .docx or PDF" in str(e)
    assert "Office 97-2003" in str(refused(ole2))
    text_doc = tmp_path / "text.doc"
    text_doc.write_text(text, encoding="utf-8")
    assert "says an old Word document (.doc), but the content is not one" in str(refused(text_doc))
    rtf = tmp_path / "dps.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi Data Pro Statement}")
    assert "RTF document is not read" in str(refused(rtf))
    # A truncated PDF: damaged, by path and as bytes.
    pdf = make_pdf(text, "Example Hosting - Data Pro Statement")
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(pdf[: len(pdf) // 2])
    e = refused(truncated)
    assert str(e).startswith(f"{truncated}: ") and "PDF" in str(e), e
    assert "PDF" in str(refused(pdf[: len(pdf) // 2]))
    # A truncated DOCX: a zip archive that cannot be read.
    docx = make_docx(text, "Example Hosting - Data Pro Statement")
    cut = tmp_path / "truncated.docx"
    cut.write_bytes(docx[: len(docx) // 2])
    e = refused(cut)
    assert str(e).startswith(f"{cut}: ") and "zip archive cannot be read" in str(e), e
    # A zip archive without a Word body (an OpenDocument file, say).
    odt = tmp_path / "dps.odt"
    odt.write_bytes(make_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}))
    e = refused(odt)
    assert str(odt) in str(e) and "not a Word document" in str(e)


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


def test_the_standard_clauses_deviations_are_typed() -> None:
    # Source: examples/statements/voorbeeld-afwijkingen.txt (clause 4.4
    # changed, 5.3 left out, 8.4 added to the March 2025 edition,
    # dpa-core/data/standard-clauses.tsv); seed 000 (Belco: part 2 names no
    # edition); seed 004 (Alles Online: the 2025 edition unchanged).
    _, review = dpa.import_statement(STATEMENTS / "voorbeeld-afwijkingen.txt")
    clauses = review.clauses
    assert isinstance(clauses, dpa.ClauseReview)
    assert (clauses.status, clauses.compared, clauses.reason) == ("compared", True, None)
    assert clauses.edition == "nldigital-2025"
    devs = clauses.deviations
    assert [(d.clause, d.kind) for d in devs] == [
        ("4.4", "modified"),
        ("5.3", "removed"),
        ("8.4", "added"),
    ]
    assert all(isinstance(d, dpa.ClauseDeviation) and d.needs_review for d in devs)
    assert review.needs_review
    # The typed values are the command's JSON, field by field.
    expected = json.loads(review.to_json())["clauses"]
    assert expected["status"] == clauses.status and expected["edition"] == clauses.edition
    for d, e in zip(devs, expected["deviations"]):
        assert d.clause == e["clause"] and d.kind == e["kind"]
        assert d.difference == e["difference"]
        assert d.lines == (tuple(e["lines"]) if "lines" in e else None)
        assert d.quote == e.get("quote")
    modified, removed, added = devs
    assert "[-" in modified.difference and "{+" in modified.difference
    assert modified.lines is not None and modified.quote is not None
    assert (removed.lines, removed.quote) == (None, None)
    assert added.lines is not None
    assert repr(removed).startswith("ClauseDeviation(clause='5.3', kind='removed', difference=")
    assert repr(clauses) == "ClauseReview(status='compared', edition='nldigital-2025', deviations=3)"

    belco = dpa.import_statement(seed("000"))[1].clauses
    assert (belco.status, belco.compared, belco.edition, belco.deviations) == (
        "not-compared",
        False,
        None,
        [],
    )
    assert belco.reason is not None and "names no edition" in belco.reason
    alles = dpa.import_statement(seed("004"))[1].clauses
    assert (alles.status, alles.edition, alles.deviations) == ("compared", "nldigital-2025", [])
