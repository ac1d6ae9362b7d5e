"""Reading an agreement from JSON: dpa.Agreement.from_json against pydantic v2.

Usage (from the repository root; ``benches/python/run.sh`` runs it)::

    python benches/python/bench_parse.py [--sub-processors 50] [--runs 7] [--calls 500]

The document is Belco's agreement (examples/agreements/belco.toml) in its
JSON form with the sub-processor list repeated, and renamed, to 50 entries
(about 32 KB). The pydantic model below is the same format: every field and
nesting level, ``extra="forbid"`` (unknown keys are errors, as in dpa),
Literal types for every enumeration, the value bounds (months 1–120, hours
1–8760, ...), non-empty texts up to 65,536 characters, the version and clause
reference patterns, country codes as Literal types of the assigned ISO
3166-1 codes (taken from dpa's JSON Schema; pydantic-core checks them in
Rust, as dpa does), IANA time-zone names checked with
zoneinfo, the history rule (versions unique, versions and dates
ascending) and the cost rules (one term per context, a rate exactly with a
stated hourly rate). It builds an object tree, as dpa does.

Each run times ``--calls`` calls of each (alternating), and the table gives
the median over the runs of the time per call.
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import statistics
import sys
import time
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Optional
from zoneinfo import ZoneInfo

import pydantic
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

import dpa

ROOT = Path(__file__).resolve().parents[2]

_schema = json.loads(dpa.json_schema())["$defs"]
COUNTRIES = tuple(_schema["Country"]["enum"])
LOCATIONS = tuple(_schema["Location"]["enum"])


@lru_cache(maxsize=None)
def _zone(name: str) -> str:
    ZoneInfo(name)
    return name


Text = Annotated[str, StringConstraints(min_length=1, max_length=65_536, pattern=r"\S")]
ClauseRef = Annotated[str, StringConstraints(pattern=r"^(DPS|clause) [A-Za-z0-9 .()-]+$")]
Version = Annotated[str, StringConstraints(pattern=r"^(0|[1-9][0-9]{0,8})(\.(0|[1-9][0-9]{0,8})){0,3}$")]
# Codes are Literal types, which pydantic-core checks in Rust (a validator
# function here would call into Python for every code, 10-15 % slower).
Country = Literal[COUNTRIES]  # type: ignore[valid-type]
Location = Literal[LOCATIONS]  # type: ignore[valid-type]
TimeZone = Annotated[str, AfterValidator(_zone)]
Months = Annotated[int, Field(ge=1, le=120)]
Hours = Annotated[int, Field(ge=1, le=8760)]
Days = Annotated[int, Field(ge=0, le=3650)]
Count = Annotated[int, Field(ge=1, le=365)]
EurCents = Annotated[int, Field(ge=0, le=10**12)]
Refs = list[ClauseRef]
TransferBasis = Literal[
    "adequacy", "eu-us-dpf", "scc-2021", "scc-2021-c2c", "scc-2021-c2p", "scc-2021-p2p", "scc-2021-p2c",
    "scc-2010", "scc-2001", "scc-edition-not-stated", "bcr", "privacy-shield", "safe-harbour",
    "derogation-consent", "derogation-contract-with-data-subject", "derogation-contract-in-interest",
    "derogation-public-interest", "derogation-legal-claims", "derogation-vital-interests",
    "derogation-public-register", "derogation-residual",
]
Declaration = Literal["not-designed-for", "designed-for", "specific-applications-only", "not-stated"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rules(Model):
    month_rule: Literal["clamp", "month-end-sticky", "thirty-days"] = "clamp"
    business_days: Literal["off", "nl-atw"] = "off"
    time_zone: TimeZone = "Europe/Amsterdam"
    legal_hold_lift: Literal["at-once", "remaining-term", "full-term"] = "at-once"
    undue_delay_bound_hours: int = Field(default=72, ge=1, le=72)


class VersionRecord(Model):
    version: Version
    date: date
    changes: list[Text] = []


class Address(Model):
    street: Text
    postal_code: Text
    city: Text
    country: Country


class Contact(Model):
    name: Optional[Text] = None
    role: Optional[Text] = None
    email: Optional[Text] = None
    phone: Optional[Text] = None


class Processor(Model):
    name: Text
    trade_name: Optional[Text] = None
    website: Optional[Text] = None
    address: Address
    chamber_of_commerce: Optional[Text] = None
    vat_number: Optional[Text] = None
    privacy_contact: Contact


class Product(Model):
    name: Text
    description: Optional[Text] = None


class Described(Model):
    text: Text
    source: Refs


class Measures(Model):
    measures: list[Text]
    source: Refs


class SpecialCategories(Model):
    art9: Declaration
    art10: Declaration
    government_identifiers: Declaration
    note: Optional[Text] = None
    source: Refs


class ProcessingLocations(Model):
    locations: list[Location]
    transfers_outside_eea: bool
    note: Optional[Text] = None
    source: Refs


class SubProcessor(Model):
    name: Text
    purpose: Text
    group: Optional[Text] = None
    seat: Optional[Country] = None
    locations: list[Location] = []
    transfer_bases: list[TransferBasis] = []
    access_from: list[Country] = []
    dpf_certified: bool = False
    engagement: Literal["always", "depending-on-assignment"]
    notes: Optional[Text] = None
    source: Refs


class Assistance(Model):
    assists: bool
    description: Text
    costs_announced_in_advance: bool = False
    source: Refs


class Security(Model):
    warranty: Literal["not-warranted", "adequate-under-all-circumstances"]
    measures: list[Text]
    isms: Optional[Text] = None
    source: Refs


class Certification(Model):
    name: Text
    status: Literal["held", "pending"]
    holder: Optional[Text] = None
    body: Optional[Text] = None
    source: Refs


class OfficeHours(Model):
    start: Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    end: Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-4]):[0-5][0-9]$")]
    days: Literal["monday-to-friday", "monday-to-friday-except-nl-holidays"]

    @model_validator(mode="after")
    def _start_before_end(self) -> OfficeHours:
        if self.start >= self.end:
            raise ValueError("office hours must start before they end")
        return self


class ServiceLevel(Model):
    standard_sla: bool
    office_hours: OfficeHours
    low_impact_response: Literal["immediately", "next-office-hours"]
    high_impact_response: Literal["immediately", "next-office-hours"]
    source: Refs


class Statement(Model):
    version: Version
    effective_date: date
    template: Optional[Text] = None
    history: list[VersionRecord] = []
    processor: Processor
    products: list[Product] = []
    intended_use: Optional[Described] = None
    special_categories: SpecialCategories
    privacy_by_design: Optional[Measures] = None
    processing_locations: ProcessingLocations
    support_access: Optional[Described] = None
    client_chosen_services: Optional[Described] = None
    sub_processors: Annotated[list[SubProcessor], Field(max_length=10_000)] = []
    data_subject_requests: Assistance
    dpia: Assistance
    security: Security
    certifications: list[Certification] = []
    service_level: Optional[ServiceLevel] = None

    @model_validator(mode="after")
    def _history_ascending(self) -> Statement:
        seen: set[tuple[int, ...]] = set()
        previous: Optional[VersionRecord] = None
        for record in self.history:
            key = tuple(int(p) for p in record.version.split("."))
            if key in seen:
                raise ValueError(f"version {record.version} is listed twice")
            seen.add(key)
            if previous is not None and (
                key <= tuple(int(p) for p in previous.version.split(".")) or record.date < previous.date
            ):
                raise ValueError("the history must ascend in versions and dates")
            previous = record
        return self


class Deviation(Model):
    clause: ClauseRef
    kind: Literal["modified", "added", "removed"]
    summary: Text


class StandardClauses(Model):
    edition: Literal["nederland-ict-2019", "nldigital-2025"]
    numbering: Literal["articles", "part-2-prefixed"] = "articles"
    deviations: list[Deviation] = []


class Duration(Model):
    indefinite: bool
    ends_with_main_agreement: bool
    source: Refs


class Deletion(Model):
    months: Months
    firmness: Literal["at-the-latest", "in-principle"]
    as_soon_as_possible: bool = False
    backups: Literal["not-stated", "within-term", "per-backup-cycle"]
    backup_cycle_days: Optional[Days] = None
    source: Refs


class ReturnOfData(Model):
    method: Literal["self-service-export", "on-request", "if-agreed", "none"]
    machine_readable: bool
    before_deletion: bool = False
    costs_announced_in_advance: bool = False
    description: Text
    source: Refs


class LegalRetention(Model):
    suspends_deletion: bool
    source: Refs


class NoticeTerm(Model):
    kind: Literal["within-hours", "without-undue-delay"]
    hours: Optional[Hours] = None

    @model_validator(mode="after")
    def _hours_with_kind(self) -> NoticeTerm:
        if (self.kind == "within-hours") != (self.hours is not None):
            raise ValueError("`hours` goes with kind = within-hours, and only with it")
        return self


Channel = Literal["phone", "email", "known-contact"]


class ChannelTerm(Model):
    channels: list[Channel]
    if_possible: list[Channel] = []
    source: Refs


class Disclosure(Model):
    on_legal_order: bool
    client_informed: Literal["not-stated", "before-disclosure", "after-disclosure", "never"]
    source: Refs


class Breach(Model):
    notice: NoticeTerm
    as_soon_as_possible: bool = False
    channels: list[Channel]
    channel_terms: list[ChannelTerm] = []
    client_keeps_contacts_current: bool = False
    information: list[Text] = []
    processor_notifies_authority: bool
    assists_controller: bool
    note: Optional[Text] = None
    source: Refs


class Costs(Model):
    context: Literal[
        "breach-assistance", "deletion-and-return", "audits", "dpia", "data-subject-requests", "extra-security"
    ]
    basis: Literal["stated-hourly-rate", "current-rates", "reasonable-costs", "costs-incurred"]
    hourly_rate_eur_cents: Optional[EurCents] = None
    estimate_first: bool = False
    approval_above_estimate: bool = False
    announced_in_advance: bool = False
    note: Optional[Text] = None
    source: Refs

    @model_validator(mode="after")
    def _rate_with_basis(self) -> Costs:
        if (self.basis == "stated-hourly-rate") != (self.hourly_rate_eur_cents is not None):
            raise ValueError("`hourly_rate_eur_cents` goes with basis = stated-hourly-rate, and only with it")
        return self


class Audit(Model):
    max_count: Count
    period: Literal["calendar-year", "rolling-12-months"]
    notice_days: Optional[Days] = None
    cost_bearer: Literal["client", "processor"]
    auditor_requirements: list[Text] = []
    preconditions: list[Text] = []
    processor_may_refuse_auditor: bool
    processor_may_refuse_unlawful_audit: bool
    certificate_may_demonstrate: bool
    periodic: bool = False
    processor_may_move_date: bool = False
    client_may_refuse_processor_auditor: bool = False
    processor_reports_inspection: Optional[Text] = None
    security_tests_after_consultation: bool = False
    source: Refs


class StatementChanges(Model):
    significant_changes_notified: bool
    termination_window_days: Days
    source: Refs


class SubProcessorPolicy(Model):
    authorisation: Literal["general", "specific"]
    changes_notified: bool
    client_may_object: bool
    same_security_level: bool
    processor_remains_liable: bool
    liability_subject_to_limits: bool = False
    source: Refs


class Fines(Model):
    recoverable: Literal["never", "intent-or-deliberate-recklessness"]
    source: Refs


class Terms(Model):
    duration: Duration
    deletion: Deletion
    return_of_data: ReturnOfData
    legal_retention: LegalRetention
    disclosure: Optional[Disclosure] = None
    breach: Breach
    costs: list[Costs] = []
    audit: Audit
    statement_changes: StatementChanges
    sub_processors: SubProcessorPolicy
    fines: Fines

    @model_validator(mode="after")
    def _one_cost_term_per_context(self) -> Terms:
        contexts = [c.context for c in self.costs]
        if len(set(contexts)) != len(contexts):
            raise ValueError("a cost context is listed twice")
        return self


class Agreement(Model):
    dpa_format: Literal[1]
    rules: Rules = Rules()
    statement: Statement
    clauses: StandardClauses
    terms: Terms


def document(sub_processors: int) -> str:
    base = json.loads(dpa.Agreement.from_file(ROOT / "examples/agreements/belco.toml").to_json())
    listed = base["statement"]["sub_processors"]
    grown = []
    for i in range(sub_processors):
        entry = copy.deepcopy(listed[i % len(listed)])
        entry["name"] = f"{entry['name']} #{i + 1}"
        grown.append(entry)
    base["statement"]["sub_processors"] = grown
    return json.dumps(base, ensure_ascii=False, indent=2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sub-processors", type=int, default=50)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--calls", type=int, default=500)
    ap.add_argument("--smoke", action="store_true",
                    help="one short run, to check that the benchmark works (no timing)")
    args = ap.parse_args()
    if args.smoke:
        args.runs, args.calls = 1, 5
    elif args.runs < 5:
        sys.exit("use at least 5 runs")

    text = document(args.sub_processors)
    # Both accept the document and agree on what is in it.
    ours = dpa.Agreement.from_json(text)
    theirs = Agreement.model_validate_json(text)
    assert len(ours.sub_processors) == len(theirs.statement.sub_processors) == args.sub_processors
    assert [s.name for s in ours.sub_processors] == [s.name for s in theirs.statement.sub_processors]
    assert ours.deletion_months == theirs.terms.deletion.months
    # Both refuse an unknown key and a code that is not a country.
    for what, old, new in (("an unknown key", '"months": 3', '"mnths": 3'),
                           ("an unassigned country code", '"seat": "FR"', '"seat": "XX"')):
        bad = text.replace(old, new, 1)
        assert bad != text, f"the document has no {old}"
        for parse in (dpa.Agreement.from_json, Agreement.model_validate_json):
            try:
                parse(bad)
            except ValueError:
                pass
            else:
                raise AssertionError(f"{parse} accepted {what}")

    per_call: dict[str, list[float]] = {"dpa": [], "pydantic": []}
    from_json, validate = dpa.Agreement.from_json, Agreement.model_validate_json
    for _ in range(args.runs):
        for name, f in (("dpa", from_json), ("pydantic", validate)):
            start = time.perf_counter()
            for _ in range(args.calls):
                f(text)
            per_call[name].append((time.perf_counter() - start) / args.calls)
    med = {k: statistics.median(v) for k, v in per_call.items()}
    print(f"Python {platform.python_version()}, dpa {dpa.__version__}, pydantic {pydantic.VERSION}; "
          f"document {len(text.encode()):,} bytes, {args.sub_processors} sub-processors; "
          f"median of {args.runs} runs of {args.calls} calls")
    print()
    print("| parser | per call | range |")
    print("|---|---:|---:|")
    labels = {"dpa": "dpa.Agreement.from_json", "pydantic": "pydantic v2 Agreement.model_validate_json"}
    for name, ts in per_call.items():
        print(f"| {labels[name]} | {med[name] * 1e6:.1f} µs | {min(ts) * 1e6:.1f}–{max(ts) * 1e6:.1f} µs |")
    ratio = med["pydantic"] / med["dpa"]
    print()
    print(f"from_json is {ratio:.2f}× as fast as pydantic (target ≥ 5×: {'met' if ratio >= 5 else 'MISSED'})")


if __name__ == "__main__":
    main()
