"""Reading agreements, their values, findings, and the value classes."""

from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path

import pytest

import dpa
AGREEMENTS = Path(__file__).resolve().parents[2] / "examples" / "agreements"


def test_version_is_the_cargo_version() -> None:
    cargo = (Path(__file__).resolve().parents[2] / "Cargo.toml").read_text(encoding="utf-8")
    assert f'version = "{dpa.__version__}"' in cargo


def test_both_seeds_load() -> None:
    files = sorted(AGREEMENTS.glob("*.toml"))
    assert {"alles-online.toml", "belco.toml"} <= {f.name for f in files}
    for f in files:
        assert isinstance(dpa.Agreement.from_file(f), dpa.Agreement)
        assert isinstance(dpa.Agreement.from_file(str(f)), dpa.Agreement)


def test_belco_values(belco: dpa.Agreement) -> None:
    assert belco.processor_name == "Belco B.V."
    assert belco.version == "1.3"
    assert belco.effective_date == date(2022, 1, 4)
    assert belco.edition == "nederland-ict-2019"
    assert belco.month_rule == "clamp"
    assert belco.business_days == "off"
    assert belco.time_zone == "Europe/Amsterdam"
    assert belco.deletion_months == 3
    assert belco.breach_hours == 24
    subs = belco.sub_processors
    assert len(subs) == 14
    assert subs[0].name == "Scalingo"
    assert subs[0].countries == ["EU"]
    assert subs[0].transfer_basis == []
    assert subs[0].seat == "FR"
    amazon = subs[1]
    assert (amazon.name, amazon.purpose) == ("Amazon, Inc.", "Cloud Service Provider")
    assert amazon.countries == ["EU"]
    assert amazon.transfer_basis == ["scc-edition-not-stated"]
    assert amazon.seat == "US"
    # DPS 1.8, 1.9: the sub-processors "uit Amerika" may reach the data from the US.
    assert amazon.access_from == ["US"]
    assert subs[0].access_from == []
    assert amazon.engagement == "always"
    assert amazon.source == ["DPS 1.8", "DPS 1.9"]
    assert amazon.dpf_certified is False


def test_alles_online_values(alles_online: dpa.Agreement) -> None:
    assert alles_online.processor_name == "Alles Online B.V."
    assert alles_online.version == "1.0"
    assert alles_online.effective_date == date(2026, 6, 8)
    assert alles_online.edition == "nldigital-2025"
    assert alles_online.deletion_months == 3
    assert alles_online.breach_hours is None
    subs = alles_online.sub_processors
    assert len(subs) == 9
    assert subs[0].name == "DigitalOcean"
    assert subs[0].countries == ["NL"]
    google_maps = subs[-1]
    assert google_maps.countries == ["US"]
    # DPS 8, 9 name no SCC edition: not stated, never inferred from the date.
    assert google_maps.transfer_basis == ["eu-us-dpf", "scc-edition-not-stated"]


def test_json_and_toml_round_trip(belco: dpa.Agreement, alles_online: dpa.Agreement) -> None:
    for a in (belco, alles_online):
        assert dpa.Agreement.from_json(a.to_json()) == a
        assert dpa.Agreement.from_toml(a.to_toml()) == a
        assert dpa.Agreement.from_json(a.to_json().encode()) == a
        assert json.loads(a.to_json())["dpa_format"] == 1
    assert belco != alles_online


def test_from_file_tells_json_from_its_extension_or_content(belco: dpa.Agreement, tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(belco.to_json(), encoding="utf-8")
    (tmp_path / "a.txt").write_text(belco.to_json(), encoding="utf-8")
    (tmp_path / "b.txt").write_text(belco.to_toml(), encoding="utf-8")
    for name in ("a.json", "a.txt", "b.txt"):
        assert dpa.Agreement.from_file(tmp_path / name) == belco


def test_check_findings(belco: dpa.Agreement, alles_online: dpa.Agreement) -> None:
    at = date(2026, 11, 23)
    findings = belco.check(at)
    assert findings, "Belco leaves the government-identifier declaration open"
    for f in findings:
        assert isinstance(f, dpa.Finding)
        assert f.severity in ("info", "warning", "error")
        assert f.code and f.message
        assert f.path is None or isinstance(f.path, str)
    gov = [f for f in findings if f.code == "special-categories-not-stated"]
    assert gov and gov[0].path == "statement.special_categories.government_identifiers"
    assert "GDPR art. 87" in gov[0].citation
    # Alles Online's only errors are the art. 28(3) items nothing in it covers
    # (docs/rules.md, "GDPR art. 28 coverage"): the types of data, the
    # categories of data subjects, and notice of an infringing instruction.
    errors = {(f.code, f.citation) for f in alles_online.check(at) if f.severity == "error"}
    assert errors == {
        ("art28-item-uncovered", "GDPR art. 28(3)"),
        ("art28-item-uncovered", "GDPR art. 28(3), final subparagraph"),
    }
    assert belco.check(at) == findings  # stable order, value equality
    assert len(set(findings)) == len(findings)  # hashable
    assert isinstance(belco.check(), list)  # default: today


def test_reprs(belco: dpa.Agreement) -> None:
    assert repr(belco) == "<dpa.Agreement processor='Belco B.V.' version='1.3' sub_processors=14>"
    assert repr(belco.sub_processors[1]).startswith("SubProcessor(name='Amazon, Inc.'")
    f = belco.check(date(2026, 11, 23))[0]
    assert repr(f).startswith("Finding(code=")
    assert str(f).startswith(f"{f.severity}[{f.code}]: ")
    d = belco.deadline("deletion", date(2026, 11, 30))
    assert repr(d) == "Deadline(kind='deletion', due='2027-02-28', bound='no-later-than', citation='DPS 1.11, clause 2.6.3')"
    assert str(d) == "2027-02-28 DPS 1.11, clause 2.6.3"


def test_value_classes_are_frozen(belco: dpa.Agreement) -> None:
    sub = belco.sub_processors[0]
    with pytest.raises(AttributeError):
        sub.name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        belco.processor_name = "x"  # type: ignore[misc]
    assert type(belco).__module__ == "dpa"
    with pytest.raises(TypeError):
        dpa.Agreement()


def test_agreement_pickles(belco: dpa.Agreement) -> None:
    assert pickle.loads(pickle.dumps(belco)) == belco


def test_json_schema() -> None:
    schema = json.loads(dpa.json_schema())
    assert "statement" in schema["properties"]
