"""Agreement.assess_transfers and dpa.diff."""

from __future__ import annotations

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
    # Belco's sub-processors all process inside the EU; ten are seated in the US.
    assert {t.verdict for t in assessed} == {"no-transfer"}
    assert sum(t.non_eea_seat for t in assessed) == 10
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
    assert by_basis["scc-2021"].countries == []
    assert "countries=['US']" in repr(by_basis["eu-us-dpf"])


def test_transfers_refuse_a_datetime(belco: dpa.Agreement) -> None:
    from datetime import datetime, timezone

    with pytest.raises(dpa.InvalidInput):
        belco.assess_transfers(datetime(2026, 11, 23, tzinfo=timezone.utc))


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
