"""Agreement.assess_transfers, Agreement.iter_transfers and dpa.diff."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import dpa

AGREEMENTS = Path(__file__).resolve().parents[2] / "examples" / "agreements"
ON = date(2026, 11, 23)


def test_belco_transfers(belco: dpa.Agreement) -> None:
    assessed = belco.assess_transfers(ON)
    assert len(assessed) == len(belco.sub_processors)
    assert all(isinstance(t, dpa.Transfer) for t in assessed)
    # Belco's sub-processors all store data inside the EU; the ten seated in
    # the US may reach it from there, under SCCs of an edition not named
    # (DPS 1.8, 1.9).
    reached = [t for t in assessed if t.access_from]
    assert len(reached) == 10
    assert all(t.access_from == ["US"] and t.outside_eea == [] for t in reached)
    assert {t.verdict for t in reached} == {"covered"}
    assert {tuple(t.covered_by) for t in reached} == {("scc-edition-not-stated",)}
    assert {t.verdict for t in assessed if not t.access_from} == {"no-transfer"}
    assert not any(t.non_eea_seat for t in assessed)
    assert [t.index for t in assessed] == list(range(len(assessed)))


def test_alles_online_transfers(alles_online: dpa.Agreement) -> None:
    assessed = {t.name: t for t in alles_online.assess_transfers(ON)}
    sentry = assessed["Sentry"]
    assert sentry.outside_eea == ["US"]
    assert sentry.verdict in ("covered", "not-covered")
    assert sentry.bases and all(isinstance(b, dpa.BasisAssessment) for b in sentry.bases)
    for b in sentry.bases:
        assert b.status == "valid" or not b.valid
    if sentry.verdict == "covered":
        assert sentry.covered_by and not sentry.uncovered
    # The findings are those the agreement check reports for the transfers.
    codes = {f.code for f in alles_online.check(ON)}
    assert {f.code for t in assessed.values() for f in t.findings} <= codes


def test_basis_assessment_countries(alles_online: dpa.Agreement) -> None:
    # A country basis names the countries it is assessed for; the SCCs are
    # not tied to a country and name none (they hold for every country).
    sentry = {t.name: t for t in alles_online.assess_transfers(ON)}["Sentry"]
    by_basis = {b.basis: b for b in sentry.bases}
    assert by_basis["eu-us-dpf"].countries == ["US"]
    assert by_basis["scc-edition-not-stated"].countries == []
    assert "countries=['US']" in repr(by_basis["eu-us-dpf"])


def _recipient(belco_toml: str, bases: list[str], entry: str, value: dict[str, object]) -> dpa.Agreement:
    """Belco with one sub-processor, processing in the US, claiming `bases`,
    with `entry` (e.g. "transfer_certification") set to `value`."""
    doc = json.loads(dpa.Agreement.from_toml(belco_toml).to_json())
    sp = doc["statement"]["sub_processors"][0]
    sp["locations"] = ["US"]
    sp["transfer_bases"] = bases
    sp[entry] = value
    doc["statement"]["sub_processors"] = [sp]
    return dpa.Agreement.from_json(json.dumps(doc))


def _certificate(valid_until: str) -> dict[str, object]:
    return {
        "name": "Europrivacy",
        "criteria_approved_by": "European Data Protection Board",
        "issued_by": "a certification body",
        "issued_on": "2025-03-01",
        "valid_until": valid_until,
        "importer_commitments": True,
        "source": ["DPS 1.9"],
    }


def test_certification_valid_on_its_last_day_not_after(belco_toml: str) -> None:
    # GDPR art. 42(7), 46(2)(f): valid from its issue to its last day.
    a = _recipient(belco_toml, ["certification"], "transfer_certification", _certificate("2028-03-01"))
    [t] = a.assess_transfers(date(2028, 3, 1))
    assert t.verdict == "covered"
    assert t.covered_by == ["certification"]
    assert [b.status for b in t.bases] == ["valid"]
    [t] = a.assess_transfers(date(2028, 3, 2))
    assert t.verdict == "not-covered"
    [b] = t.bases
    assert b.status == "no-longer-in-force"
    assert "valid until 2028-03-01 only (GDPR art. 42(7))" in b.reason
    assert [f.code for f in t.findings] == ["transfer-basis-invalid"]


def test_certification_beyond_three_years(belco_toml: str) -> None:
    # GDPR art. 42(7): at most three years; the longer validity is a warning
    # while the certificate holds, and it lapses three years after its issue.
    a = _recipient(belco_toml, ["certification"], "transfer_certification", _certificate("2029-06-30"))
    [t] = a.assess_transfers(date(2028, 3, 1))
    [b] = t.bases
    assert b.caveats == ["certification-beyond-three-years"]
    assert [f.code for f in t.findings] == ["certification-beyond-three-years", "transfer-covered"]
    [t] = a.assess_transfers(date(2028, 3, 2))
    assert t.bases[0].status == "no-longer-in-force"


def test_code_of_conduct_and_ad_hoc_clauses(belco_toml: str) -> None:
    # GDPR art. 40(3), 40(9), 46(2)(e): a code needs general validity; art.
    # 46(3)(a): clauses need the authority's authorisation.
    code: dict[str, object] = {
        "name": "Cloud Code",
        "approval": {"by": "an authority", "on": "2021-05-20"},
        "importer_commitments": True,
        "source": ["DPS 1.9"],
    }
    a = _recipient(belco_toml, ["code-of-conduct", "ad-hoc-clauses"], "code_of_conduct", code)
    [t] = a.assess_transfers(date(2026, 6, 1))
    assert [(b.basis, b.status) for b in t.bases] == [
        ("code-of-conduct", "not-approved"),
        ("ad-hoc-clauses", "details-not-stated"),
    ]
    assert "no general validity within the Union (GDPR art. 40(9))" in t.bases[0].reason
    assert a.sub_processors[0].transfer_basis == ["code-of-conduct", "ad-hoc-clauses"]


def test_transfers_refuse_a_datetime(belco: dpa.Agreement) -> None:
    from datetime import datetime, timezone

    with pytest.raises(dpa.InvalidInput):
        belco.assess_transfers(datetime(2026, 11, 23, tzinfo=timezone.utc))


@pytest.mark.parametrize("name", sorted(p.name for p in AGREEMENTS.glob("*.toml")))
def test_iter_transfers_is_assess_transfers_one_at_a_time(name: str) -> None:
    # The same Transfers, in the same order, one assessed per step; the
    # iterator keeps the agreement alive and says how many are left.
    a = dpa.Agreement.from_file(AGREEMENTS / name)
    whole = a.assess_transfers(ON)
    it = a.iter_transfers(ON)
    assert isinstance(it, dpa.TransferIterator)
    assert iter(it) is it
    assert it.__length_hint__() == len(whole)
    assert repr(it) == f"<dpa.TransferIterator on=2026-11-23 next=0 of={len(whole)}>"
    del a
    stepped = []
    for i, t in enumerate(it):
        assert t == whole[i]
        assert it.__length_hint__() == len(whole) - i - 1
        stepped.append(t)
    assert stepped == whole
    with pytest.raises(StopIteration):
        next(it)
    assert it.__length_hint__() == 0


def test_iter_transfers_of_a_failing_transfer(belco_toml: str) -> None:
    # GDPR art. 42(7): the certificate lapsed the day before; the iterator
    # gives the same not-covered verdict as the list.
    a = _recipient(belco_toml, ["certification"], "transfer_certification", _certificate("2028-03-01"))
    [t] = list(a.iter_transfers(date(2028, 3, 2)))
    assert t == a.assess_transfers(date(2028, 3, 2))[0]
    assert t.verdict == "not-covered"


def test_iter_transfers_refuses_what_assess_transfers_refuses(belco: dpa.Agreement) -> None:
    from datetime import datetime, timezone

    # A datetime is refused as invalid input, a value of another type as a
    # TypeError; each with the same message from both.
    cases = [
        (datetime(2026, 11, 23, tzinfo=timezone.utc), dpa.InvalidInput),
        ("2026-11-23", TypeError),
        (None, TypeError),
    ]
    for bad, kind in cases:
        with pytest.raises(kind) as whole:
            belco.assess_transfers(bad)  # type: ignore[arg-type]
        with pytest.raises(kind) as stepped:
            belco.iter_transfers(bad)  # type: ignore[arg-type]
        assert str(stepped.value) == str(whole.value)
        assert "on" in str(stepped.value)


def test_diff_of_belco_versions(belco: dpa.Agreement) -> None:
    old = dpa.Agreement.from_file(AGREEMENTS / "belco-1.2.2.toml")
    changes = dpa.diff(old, belco)
    assert changes and all(isinstance(c, dpa.Change) for c in changes)
    # Exactly the changes version 1.3's notes list (see dpa diff).
    assert [c.kind for c in changes] == [
        "text-changed",
        "security-warranty-changed",
        "deviation-changed",
        "audit-term-changed",
    ]
    # All favourable or editorial: the deviation's summary alone changed.
    assert [c.significant for c in changes] == [False, False, False, False]
    deviation = next(c for c in changes if c.kind == "deviation-changed")
    assert deviation.effect == "editorial"
    warranty = next(c for c in changes if c.kind == "security-warranty-changed")
    assert warranty.path == "statement.security.warranty"
    assert warranty.effect == "favourable"
    assert not warranty.significant
    assert (warranty.old_value, warranty.new_value) == ("not-warranted", "adequate-under-all-circumstances")
    assert not any(c.rights for c in changes)
    assert str(warranty).startswith("security-warranty-changed statement.security.warranty: ")


def test_no_changes_between_equal_agreements(belco: dpa.Agreement) -> None:
    assert dpa.diff(belco, dpa.Agreement.from_json(belco.to_json())) == []
