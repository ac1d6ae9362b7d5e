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


def test_terms_in_days_and_weeks() -> None:
    """Terms as statements write them: deletion "binnen 30 dagen", a breach
    notice within 2 days (48 hours from the discovery), an audit notice of two
    weeks and a termination window of six weeks.

    Source: issue 15 ("binnen 30 dagen", "binnen zes weken"); docs/rules.md
    rules 2 and 3.
    """
    from datetime import datetime, timedelta, timezone

    text = (AGREEMENTS / "belco.toml").read_text(encoding="utf-8")
    text = text.replace("months = 3\n", 'within = "30 days"\n', 1)
    text = text.replace(
        'notice = { kind = "within-hours", hours = 24 }',
        'notice = { kind = "within", term = "2 days" }',
        1,
    )
    text = text.replace("notice_days = 14 ", 'notice = "2 weeks" ', 1)
    text = text.replace("termination_window_days = 30 ", 'termination_window = "6 weeks" ', 1)
    a = dpa.Agreement.from_toml(text)
    assert a.deletion_term == (30, "days")
    assert a.deletion_months is None
    assert a.deletion_deadline(date(2026, 1, 31)) == date(2026, 3, 2)
    assert a.breach_notice_term == (2, "days")
    assert a.breach_hours == 48
    discovered = datetime(2026, 3, 28, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    assert a.breach_notice_deadline(discovered) == datetime(2026, 3, 30, 9, 30, tzinfo=timezone.utc)
    assert a.audit_notice == (2, "weeks")
    assert a.termination_window == (6, "weeks")
    assert dpa.Agreement.from_toml(a.to_toml()) == a
    belco = dpa.Agreement.from_file(AGREEMENTS / "belco.toml")
    assert belco.deletion_term == (3, "months")
    assert belco.breach_notice_term == (24, "hours")
    assert belco.audit_notice == (14, "days")
    assert belco.termination_window == (30, "days")
def test_effective_date_as_stated(belco: dpa.Agreement, belco_toml: str) -> None:
    """A statement dated to the month or year gives a StatedDate, never its 1st.

    Source: issue 15 point 3 ("maart 2023", "2020"); docs/rules.md rule 8.
    """
    day = belco.effective_stated_date
    assert isinstance(day, dpa.StatedDate)
    assert (day.precision, day.earliest, day.latest) == ("day", date(2022, 1, 4), date(2022, 1, 4))
    assert str(day) == "2022-01-04"

    def dated(effective: str) -> dpa.Agreement:
        text = belco_toml.replace("effective_date = 2022-01-04", f'effective_date = "{effective}"', 1)
        return dpa.Agreement.from_toml(text.replace("\ndate = 2022-01-04", f'\ndate = "{effective}"', 1))

    month = dated("2024-02").effective_date
    assert isinstance(month, dpa.StatedDate)
    # February of a leap year.
    assert (month.precision, month.earliest, month.latest) == ("month", date(2024, 2, 1), date(2024, 2, 29))
    assert str(month) == "2024-02"
    assert repr(month) == "StatedDate('2024-02', precision='month')"
    year = dated("2022")
    assert isinstance(year.effective_date, dpa.StatedDate)
    assert (year.effective_date.earliest, year.effective_date.latest) == (date(2022, 1, 1), date(2022, 12, 31))
    assert year.effective_stated_date == year.effective_date
    assert year.effective_date != month
    # Inside the year, whether the statement is in effect is uncertain.
    codes = [f.code for f in year.check(date(2022, 6, 1)) if f.path == "statement.effective_date"]
    assert codes == ["effective-date-uncertain"]
    with pytest.raises(dpa.ValidationError, match="write 8 juni 2026 as 2026-06-08"):
        dated("juni 2026")
    with pytest.raises(dpa.DpaError, match="2023-13 is not a month"):
        dated("2023-13")


def test_sub_processors_by_reference(belco: dpa.Agreement, belco_toml: str) -> None:
    """A sub-processor list kept at an address: its address, and a finding that transfers cannot be checked.

    Source: issue 15 point 5; GDPR art. 28(2), 44-46.
    """
    assert belco.sub_processors_by_reference is None
    address = "https://www.belco.nl/subverwerkers"
    a = dpa.Agreement.from_toml(
        belco_toml + f'\n[statement.sub_processors_by_reference]\naddress = "{address}"\nsource = ["DPS 1.9"]\n'
    )
    assert a.sub_processors_by_reference == address
    found = [f for f in a.check(date(2026, 11, 23)) if f.code == "sub-processors-by-reference"]
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert found[0].path == "statement.sub_processors_by_reference"
    assert address in found[0].message
    assert "cannot be checked" in found[0].message


def test_not_stated_return_policy_and_list_reach_python() -> None:
    """A statement that leaves out the return of data, its terms on changes
    of sub-processors and its sub-processor list: each is a finding naming its
    key, and the art. 28(3)(g) coverage lacks the return.

    Source: issue 15 point 2; Belco clause 2.6.3 ("of, indien overeengekomen,
    ... terugbezorgen"), clause 2.8.1 ("heeft in het Data Pro Statement vermeld
    of, en zo ja welke derde partijen"), clause 2.8.3; GDPR art. 28(2),
    28(3)(g), 28(4).
    """
    text = (AGREEMENTS.parent / "fixtures" / "not-stated-lists.json").read_text(encoding="utf-8")
    a = dpa.Agreement.from_json(text)
    found = {(f.code, f.path): f for f in a.check(date(2026, 6, 1))}
    assert ("term-not-stated", "terms.return_of_data.provenance") in found
    assert ("term-not-stated", "terms.sub_processors.provenance") in found
    listed = found[("sub-processors-not-stated", "statement.sub_processor_list.provenance")]
    assert listed.citation == "DPS 1.9; GDPR art. 28(2), 28(4), 44-46"
    assert "cannot be checked" in listed.message
    g = next(c for c in a.coverage() if c.id == "28-3-g")
    assert g.verdict == "partly" and g.missing == ["data-return"]
    # The same agreement with its return, policy and list (Belco) covers it.
    belco = dpa.Agreement.from_file(AGREEMENTS / "belco.toml")
    assert next(c for c in belco.coverage() if c.id == "28-3-g").verdict == "covered"
    assert not any(f.code == "sub-processors-not-stated" for f in belco.check(date(2026, 6, 1)))
