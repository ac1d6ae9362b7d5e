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
import calendar
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union
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


_TERM_UNITS = {"day": 3650, "days": 3650, "week": 521, "weeks": 521,
               "month": 120, "months": 120, "year": 10, "years": 10}
_ELAPSED_UNITS = {"hour": 8760, "hours": 8760, "day": 365, "days": 365}


def _term(units: dict[str, int], least: int) -> Any:
    """A term as a statement writes it, ``"N unit"``: a whole number,
    whitespace and one unit word, within the unit's bounds (dpa's ``Term``:
    0 to 3650 days, 521 weeks, 120 months, 10 years; ``ElapsedTerm``: 1 to
    8760 hours or 365 days)."""

    def check(s: str) -> str:
        parts = s.split()
        if len(parts) != 2 or not parts[0].isascii() or not parts[0].isdigit():
            raise ValueError(f"expected a term such as `30 days`, got {s!r}")
        n, word = int(parts[0]), parts[1]
        if word not in units:
            raise ValueError(f"unknown unit {word!r} in {s!r}")
        if not least <= n <= units[word]:
            raise ValueError(f"must be between {least} and {units[word]} {word}, got {n}")
        return s

    return AfterValidator(check)


def _stated_date(s: str) -> tuple[date, date]:
    """A date as a statement states it, ``YYYY-MM-DD``, ``YYYY-MM`` or
    ``YYYY`` (years 1 to 9999), as its first and last day (dpa's
    ``StatedDate``)."""
    if len(s) == 10:
        d = date.fromisoformat(s)
        if s != d.isoformat():
            raise ValueError(f"{s!r} is not a date")
        return d, d
    if len(s) == 7 and s[4] == "-" and s[:4].isdigit() and s[5:].isdigit() and s.isascii():
        y, m = int(s[:4]), int(s[5:])
        if not (1 <= y <= 9999 and 1 <= m <= 12):
            raise ValueError(f"{s!r} is not a month")
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    if len(s) == 4 and s.isdigit() and s.isascii() and 1 <= int(s) <= 9999:
        y = int(s)
        return date(y, 1, 1), date(y, 12, 31)
    raise ValueError(f"`{s}` is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY")


def _check_stated_date(s: str) -> str:
    _stated_date(s)
    return s
Months = Annotated[int, Field(ge=1, le=120)]
Hours = Annotated[int, Field(ge=1, le=8760)]
Days = Annotated[int, Field(ge=0, le=3650)]
Count = Annotated[int, Field(ge=1, le=365)]
EurCents = Annotated[int, Field(ge=0, le=10**12)]
# A term as the statement writes it (`"30 days"`, `"6 weeks"`, `"3 months"`,
# `"1 year"`), and an elapsed term of a breach notice (`"24 hours"`, `"2 days"`).
Term = Annotated[str, _term(_TERM_UNITS, 0)]
ElapsedTerm = Annotated[str, _term(_ELAPSED_UNITS, 1)]
# A date stated to the day, the month or the year.
StatedDate = Annotated[str, AfterValidator(_check_stated_date)]
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
    date: StatedDate
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


class SubProcessorsByReference(Model):
    address: Text
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
    effective_date: StatedDate
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
    sub_processors_by_reference: Optional[SubProcessorsByReference] = None
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
            # A date stated to the month or year is out of order only when
            # it certainly is: its last day before the previous one's first.
            if previous is not None and (
                key <= tuple(int(p) for p in previous.version.split("."))
                or _stated_date(record.date)[1] < _stated_date(previous.date)[0]
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


def _once(model: Any, old: str, new: str) -> None:
    """A term given by its old key or its new spelling, never both."""
    if getattr(model, old) is not None and getattr(model, new) is not None:
        raise ValueError(f"`{old}` and `{new}` both give this term: give it once")


class Deletion(Model):
    months: Optional[Months] = None
    within: Optional[Term] = None
    firmness: Literal["at-the-latest", "in-principle"]
    as_soon_as_possible: bool = False
    backups: Literal["not-stated", "within-term", "per-backup-cycle"]
    backup_cycle_days: Optional[Days] = None
    backup_cycle: Optional[Term] = None
    source: Refs

    @model_validator(mode="after")
    def _one_term_each(self) -> Deletion:
        _once(self, "months", "within")
        if self.months is None and self.within is None:
            raise ValueError("the deletion term is missing: give `within` (or `months`)")
        _once(self, "backup_cycle_days", "backup_cycle")
        return self


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
    kind: Literal["within-hours", "within", "without-undue-delay"]
    hours: Optional[Hours] = None
    term: Optional[ElapsedTerm] = None

    @model_validator(mode="after")
    def _hours_with_kind(self) -> NoticeTerm:
        if (self.kind == "within-hours") != (self.hours is not None):
            raise ValueError("`hours` goes with kind = within-hours, and only with it")
        if (self.kind == "within") != (self.term is not None):
            raise ValueError("`term` goes with kind = within, and only with it")
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


class AuditPeriodTable(Model):
    """`{ rolling = "2 years" }` or `{ calendar = "6 months" }`: one reading
    and a length in months or years, at least one month."""

    rolling: Optional[Term] = None
    calendar: Optional[Term] = None

    @model_validator(mode="after")
    def _one_reading(self) -> AuditPeriodTable:
        given = [t for t in (self.rolling, self.calendar) if t is not None]
        if len(given) != 1:
            raise ValueError("an audit period is one of `rolling` or `calendar`")
        n, word = given[0].split()
        if word not in ("month", "months", "year", "years") or int(n) < 1:
            raise ValueError("an audit period is at least 1 month, counted in months or years")
        return self


class Audit(Model):
    max_count: Count
    period: Union[Literal["calendar-year", "rolling-12-months"], AuditPeriodTable]
    notice_days: Optional[Days] = None
    notice: Optional[Term] = None
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

    @model_validator(mode="after")
    def _one_notice(self) -> Audit:
        _once(self, "notice_days", "notice")
        return self


class StatementChanges(Model):
    significant_changes_notified: bool
    termination_window_days: Optional[Days] = None
    termination_window: Optional[Term] = None
    source: Refs

    @model_validator(mode="after")
    def _one_window(self) -> StatementChanges:
        _once(self, "termination_window_days", "termination_window")
        if self.termination_window_days is None and self.termination_window is None:
            raise ValueError("the termination window is missing: give `termination_window`")
        return self


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


def newer_keys(text: str) -> list[tuple[str, str]]:
    """The document with each key the format gained after the model was
    first written, in its new spelling (a term as the statement writes it,
    a date stated to the month or the year, the list kept by reference,
    access from a third country), and documents giving a term twice (old
    key and new spelling), which both parsers must refuse. Each is
    (what, text); the refused ones start with "refused: "."""
    base = json.loads(text)
    st, terms = base["statement"], base["terms"]
    out = []

    def variant(what: str, change: Any) -> None:
        doc = copy.deepcopy(base)
        change(doc["statement"], doc["terms"])
        out.append((what, json.dumps(doc, ensure_ascii=False)))

    def all_new(s: dict, t: dict) -> None:
        t["deletion"].pop("months", None)
        t["deletion"]["within"] = "30 days"
        t["deletion"]["backups"] = "per-backup-cycle"
        t["deletion"].pop("backup_cycle_days", None)
        t["deletion"]["backup_cycle"] = "2 weeks"
        t["breach"]["notice"] = {"kind": "within", "term": "2 days"}
        t["audit"].pop("notice_days", None)
        t["audit"]["notice"] = "2 weeks"
        t["audit"]["period"] = {"rolling": "2 years"}
        t["statement_changes"].pop("termination_window_days", None)
        t["statement_changes"]["termination_window"] = "6 weeks"
        s["effective_date"] = "2023-03"
        s["history"] = [{"version": "1.0", "date": "2020"}, {"version": "1.1", "date": "2021-06"},
                        {"version": "1.2", "date": "2021-11-03"}]
        s["version"] = "1.3"
        s["sub_processors_by_reference"] = {"address": "https://www.belco.nl/subverwerkers",
                                            "source": ["DPS 1.9"]}
        s["sub_processors"][0]["access_from"] = ["US", "IN"]
        s["sub_processors"][0].setdefault("transfer_bases", ["scc-2021"])

    variant("every newer key", all_new)
    variant("a calendar audit period", lambda s, t: t["audit"].__setitem__("period", {"calendar": "1 year"}))
    variant("refused: months and within", lambda s, t: t["deletion"].__setitem__("within", "3 months"))
    variant("refused: notice_days and notice", lambda s, t: t["audit"].__setitem__("notice", "2 weeks"))
    variant("refused: a history out of order",
            lambda s, t: s.__setitem__("history", [{"version": "1.0", "date": "2021-06"},
                                                   {"version": "1.1", "date": "2020"}]))
    variant("refused: an audit period in days",
            lambda s, t: t["audit"].__setitem__("period", {"rolling": "30 days"}))
    assert "months" in terms["deletion"] and "notice_days" in terms["audit"] and "version" in st
    return out


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

    # Both read the keys the format gained the same way.
    for what, doc in newer_keys(text):
        for parse in (dpa.Agreement.from_json, Agreement.model_validate_json):
            try:
                parse(doc)
                accepted = True
            except ValueError:
                accepted = False
            assert accepted != what.startswith("refused: "), f"{parse} on {what}"

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
