"""Shared fixtures: the seed agreements and events of the repository."""

from __future__ import annotations

from pathlib import Path

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


# No example database in the source tree; no per-example deadline on a
# shared, slow machine.
settings.register_profile("dpa", database=None, deadline=None)
settings.load_profile("dpa")
