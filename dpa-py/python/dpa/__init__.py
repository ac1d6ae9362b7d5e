"""Dutch data processing agreements as typed, checkable values.

An agreement (an NLdigital Data Pro Statement plus the standard clauses) is
read from TOML or JSON into an immutable :class:`Agreement`; ask it for its
deadlines, its consistency findings and the status of its obligations::

    from datetime import date
    import dpa

    belco = dpa.Agreement.from_file("examples/agreements/belco.toml")
    belco.deletion_deadline(date(2026, 11, 30))   # date(2027, 2, 28)

The calendar functions (:func:`add_months`, :func:`add_months_many`, the
Dutch public holidays) stand on their own. :meth:`Agreement.schedule`
computes the deadlines of a whole table on Arrow data (pyarrow, polars,
pandas; ``pip install 'dpa[arrow]'``), as ``dpa schedule`` does.
:func:`import_statement` reads a Data Pro Statement (its text, or its
plain-text, Markdown, PDF or DOCX file) into a draft agreement file and a
review list, as ``dpa import`` does.
Everything is computed by the Rust library ``dpa-core``; see ``docs/python.md``.
"""

from dpa._dpa import (
    Agreement,
    Art28Coverage,
    BasisAssessment,
    Change,
    ClauseDeviation,
    ClauseReview,
    Deadline,
    DiffReport,
    Finding,
    ImportDraft,
    ImportReview,
    Obligation,
    ReviewItem,
    ReviewValue,
    StatedDate,
    SubProcessor,
    Timeline,
    Transfer,
    TransferIterator,
    __version__,
    add_months,
    add_months_many,
    diff,
    diff_report,
    import_statement,
    is_nl_business_day,
    is_nl_public_holiday,
    json_schema,
    next_business_day,
    nl_public_holiday_name,
    nl_public_holidays,
    schedule,
)
from dpa.exceptions import (
    DpaError,
    InvalidInput,
    NotAStatement,
    OutOfRange,
    ParseError,
    RowError,
    SkippedRow,
    SkippedRowsWarning,
    ValidationError,
)

__all__ = [
    "Agreement",
    "Art28Coverage",
    "BasisAssessment",
    "Change",
    "ClauseDeviation",
    "ClauseReview",
    "Deadline",
    "DiffReport",
    "DpaError",
    "Finding",
    "ImportDraft",
    "ImportReview",
    "InvalidInput",
    "NotAStatement",
    "Obligation",
    "OutOfRange",
    "ParseError",
    "ReviewItem",
    "ReviewValue",
    "RowError",
    "SkippedRow",
    "SkippedRowsWarning",
    "StatedDate",
    "SubProcessor",
    "Timeline",
    "Transfer",
    "TransferIterator",
    "ValidationError",
    "__version__",
    "add_months",
    "add_months_many",
    "diff",
    "diff_report",
    "import_statement",
    "is_nl_business_day",
    "is_nl_public_holiday",
    "json_schema",
    "next_business_day",
    "nl_public_holiday_name",
    "nl_public_holidays",
    "schedule",
]
