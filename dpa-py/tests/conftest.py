"""Shared fixtures: the seed agreements and events of the repository."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable, Dict, List, Tuple
from xml.sax.saxutils import escape

import pytest
from hypothesis import settings

import dpa

ROOT = Path(__file__).resolve().parents[2]
AGREEMENTS = ROOT / "examples" / "agreements"
EVENTS = ROOT / "examples" / "events"


@pytest.fixture(scope="session")
def belco() -> dpa.Agreement:
    return dpa.Agreement.from_file(AGREEMENTS / "belco.toml")


@pytest.fixture(scope="session")
def alles_online() -> dpa.Agreement:
    return dpa.Agreement.from_file(AGREEMENTS / "alles-online.toml")


@pytest.fixture(scope="session")
def belco_toml() -> str:
    return (AGREEMENTS / "belco.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def alles_online_toml() -> str:
    return (AGREEMENTS / "alles-online.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def belco_events() -> str:
    return (EVENTS / "belco-2027.toml").read_text(encoding="utf-8")


# PDF and DOCX files made from a statement's text (issue 18: "generate the
# PDF and DOCX in the test from text"), as dpa-core's tests make them
# (dpa-core/tests/integration/documents_fixture.rs), written by hand with
# the standard library: what a word processor's export looks like to a text
# extractor, not a typesetter.

#: Lines of the text per PDF page.
PDF_LINES_PER_PAGE = 36
#: Font size and line distance (points): a gap of two lines is a blank line
#: to the extractor, one line is not.
_SIZE, _LEADING, _TOP = 9, 11, 800


def _pdf_string(line: str) -> bytes:
    """`line` as a PDF literal string in Helvetica's WinAnsi encoding
    (Windows-1252); `●`, which it has no code for, written `•` (both are
    bullets to the import)."""
    raw = line.replace("\u25cf", "\u2022").encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_of(text: str, header: str) -> bytes:
    """A PDF of `text`: pages of `PDF_LINES_PER_PAGE` lines in Helvetica,
    `header` at the top of every page and "Pagina N van M" at its foot, a
    blank line of the text as a larger gap before the next line."""
    pages: List[List[Tuple[bool, str]]] = [[]]
    blank = False
    for line in text.splitlines():
        if not line.strip():
            blank = True
            continue
        if len(pages[-1]) == PDF_LINES_PER_PAGE:
            pages.append([])
        pages[-1].append((blank, line))
        blank = False

    def show(x: int, y: int, line: str) -> bytes:
        return b"BT /F1 %d Tf %d %d Td %s Tj ET\n" % (_SIZE, x, y, _pdf_string(line))

    # Objects 1 (catalog), 2 (page tree), 3 (font), then per page its
    # content stream and the page.
    objects: List[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for n, page in enumerate(pages):
        y = _TOP
        content = show(50, y, header)
        for gap, line in page:
            y -= 2 * _LEADING if gap else _LEADING
            content += show(50, y, line)
        content += show(250, y - _LEADING, f"Pagina {n + 1} van {len(pages)}")
        objects.append(b"<< /Length %d >>\nstream\n%sendstream" % (len(content), content))
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_W = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _paragraph(line: str) -> str:
    """A Word paragraph of `line`, its text in two runs (the second bold),
    as a word processor splits text where its formatting changes; an empty
    paragraph for a blank line."""
    if not line.strip():
        return "<w:p/>"
    half = len(line) // 2
    run = '<w:r>{}<w:t xml:space="preserve">{}</w:t></w:r>'
    first = run.format("", escape(line[:half]))
    second = run.format("<w:rPr><w:b/></w:rPr>", escape(line[half:]))
    return f"<w:p>{first}{second}</w:p>"


def _table(rows: List[str]) -> str:
    """A Word table of Markdown rows (`| a | b |`; the `|---|` rule left out)."""
    out = "<w:tbl>"
    for row in rows:
        cells = row.strip().strip("|")
        if set(cells) <= set("-:| "):
            continue
        tcs = "".join(f"<w:tc>{_paragraph(c.strip())}</w:tc>" for c in cells.split("|"))
        out += f"<w:tr>{tcs}</w:tr>"
    return out + "</w:tbl>"


def docx_of(text: str, header: str) -> bytes:
    """A DOCX of `text`: a paragraph per line, a Markdown table as a Word
    table, and `header` in a page header part (which the import does not
    read)."""
    lines = text.splitlines()
    body, i = "", 0
    while i < len(lines):
        if lines[i].lstrip().startswith("|"):
            start = i
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                i += 1
            body += _table(lines[start:i])
        else:
            body += _paragraph(lines[i])
            i += 1
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = {
        "[Content_Types].xml": xml
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{ct}.document.main+xml"/>'
        f'<Override PartName="/word/header1.xml" ContentType="{ct}.header+xml"/></Types>',
        "_rels/.rels": xml
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": xml
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/header" Target="header1.xml"/></Relationships>',
        "word/document.xml": xml
        + f"<w:document {_W}><w:body>{body}"
        '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>',
        "word/header1.xml": xml + f"<w:hdr {_W}>{_paragraph(header)}</w:hdr>",
    }
    return zip_of(parts)


def zip_of(parts: Dict[str, str]) -> bytes:
    """A zip archive (deflated) of `parts`, name to content."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return out.getvalue()


@pytest.fixture(scope="session")
def make_pdf() -> Callable[[str, str], bytes]:
    """`pdf_of`: a PDF of a statement's text with a running header."""
    return pdf_of


@pytest.fixture(scope="session")
def make_docx() -> Callable[[str, str], bytes]:
    """`docx_of`: a DOCX of a statement's text with a page header."""
    return docx_of


@pytest.fixture(scope="session")
def make_zip() -> Callable[[Dict[str, str]], bytes]:
    """`zip_of`: a zip archive of named text parts."""
    return zip_of


# No example database in the source tree; no per-example deadline on a
# shared, slow machine.
settings.register_profile("dpa", database=None, deadline=None)
settings.load_profile("dpa")
