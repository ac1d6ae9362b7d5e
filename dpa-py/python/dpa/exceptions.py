"""The exceptions of dpa.

They are plain Python classes (the native module imports them to raise them),
so they can inherit from the built-in exceptions: every error about a value is
also a ``ValueError``, and ``OutOfRange`` is also an ``OverflowError``, as
``date + timedelta`` raises it.

::

    DpaError(Exception)
    ├── ParseError(DpaError, ValueError)        .path .line .column
    ├── ValidationError(DpaError, ValueError)   .path .line .column
    └── InvalidInput(DpaError, ValueError)      .path
        ├── OutOfRange(InvalidInput, OverflowError)
        ├── RowError(InvalidInput)              .row .path (the column)
        └── NotAStatement(InvalidInput)         .reason

    SkippedRowsWarning(UserWarning)             .rows: list[SkippedRow]

A wrong type (a ``str`` where a ``date`` is expected) raises ``TypeError``; a
file that cannot be read raises ``OSError``.
"""

from __future__ import annotations

from typing import Any, ClassVar, List, NamedTuple, Optional, Tuple

__all__ = [
    "DpaError",
    "InvalidInput",
    "NotAStatement",
    "OutOfRange",
    "ParseError",
    "RowError",
    "SkippedRow",
    "SkippedRowsWarning",
    "ValidationError",
]


class DpaError(Exception):
    """The base class of every error dpa raises.

    ``str(error)`` is the whole message; ``path``, ``line`` and ``column``
    say where, as far as known (None otherwise).
    """

    path: Optional[str]
    line: Optional[int]
    column: Optional[int]
    # The attributes a subclass adds, in the order its constructor takes
    # them after ``column``: pickling passes them back in that order.
    _details: ClassVar[Tuple[str, ...]] = ()

    def __init__(
        self,
        message: str,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column

    @property
    def message(self) -> str:
        """The message, as ``str(error)``."""
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> Tuple[Any, ...]:
        details = tuple(getattr(self, name) for name in self._details)
        return (type(self), (self.message, self.path, self.line, self.column, *details))


class ParseError(DpaError, ValueError):
    """Text that is not well-formed TOML or JSON, not UTF-8 (or a ``str``
    with a lone surrogate, which has no UTF-8 form), or too large.

    ``line`` and ``column`` (1-based) say where the parser stopped, when it
    knows; ``path`` is None.
    """


class ValidationError(DpaError, ValueError):
    """A well-formed document that is not a valid agreement or events list.

    ``path`` names the field (``statement.sub_processors[0].seat``;
    ``events[2].at``); ``line`` and ``column`` say where its value is in the
    text, when the document was text.
    """


class InvalidInput(DpaError, ValueError):
    """An argument that is not acceptable.

    A naive ``datetime`` where an instant is meant, a ``datetime`` where a
    ``date`` is meant, an unknown name, a ``str`` with a lone surrogate, a
    NaN in an event. ``path`` names the argument or element (``n``,
    ``dates[3]``, ``events[0].date``), and so does the start of the message.
    """


class OutOfRange(InvalidInput, OverflowError):
    """A date or instant that would leave the supported range (years 1 to
    9999), or an int argument beyond what it can be (``n`` beyond 32 bits).
    ``path`` names the argument or element it concerns."""


class RowError(InvalidInput):
    """A row of a table that ``Agreement.schedule`` cannot compute (under
    ``on_error="fail"``): ``row`` is its number, from 1 over the whole table
    (the first row after a CSV header is row 1), ``path`` the input column
    as the table names it. The message is the one ``dpa schedule`` prints:
    ``row 3: terminated_on: ...``."""

    _details = ("row",)
    row: Optional[int]

    def __init__(
        self,
        message: str,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        row: Optional[int] = None,
    ) -> None:
        super().__init__(message, path, line, column)
        self.row = row


class NotAStatement(InvalidInput):
    """A text ``import_statement`` was given that is not a Data Pro
    Statement (``dpa import`` exits 2 on it). ``reason`` says why: no part
    heading and no mention of a Data Pro Statement, no numbered items in
    part 1, or fewer than three of the template's questions asked. ``path``
    is ``"statement"``; the message names the file, where one was read."""

    _details = ("reason",)
    reason: Optional[str]

    def __init__(
        self,
        message: str,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        reason: Optional[str] = None,
    ) -> None:
        super().__init__(message, path, line, column)
        self.reason = reason


class SkippedRow(NamedTuple):
    """A row ``on_error="skip"`` left out: its number (from 1), the input
    column, and what is wrong (``str()`` of the ``RowError`` it would
    raise is ``row {row}: {column}: {message}``)."""

    row: int
    column: str
    message: str


class SkippedRowsWarning(UserWarning):
    """Rows ``Agreement.schedule(..., on_error="skip")`` left out of its
    answer: never a silent drop. The message names the first few; ``rows``
    holds every one, in row order. Turn it into an error with
    ``warnings.simplefilter("error", dpa.SkippedRowsWarning)``, or collect
    it with ``warnings.catch_warnings(record=True)``."""

    rows: List[SkippedRow]

    def __init__(self, message: str, rows: Optional[List[SkippedRow]] = None) -> None:
        super().__init__(message)
        self.rows = list(rows or [])

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self.args[0]) if self.args else "", self.rows))
