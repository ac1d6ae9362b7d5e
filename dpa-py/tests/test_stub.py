"""The hand-written stub's public surface."""

from __future__ import annotations

import ast
from pathlib import Path

STUB = Path(__file__).resolve().parent.parent / "python" / "dpa" / "_dpa.pyi"


def stub_all() -> list[str]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return [str(v) for v in value]
    raise AssertionError("the stub has no __all__")


def test_all_lists_no_private_name() -> None:
    # The benchmark hook `_noop` is importable from dpa._dpa but not public.
    names = stub_all()
    assert names, "empty __all__"
    private = [n for n in names if n.startswith("_") and n != "__version__"]
    assert private == [], private


def test_runtime_all_lists_no_private_name() -> None:
    # The built module agrees with the stub: the hook is importable, not public.
    import dpa._dpa as native

    assert callable(native._noop)
    assert "_noop" not in native.__all__
    assert sorted(native.__all__) == sorted(stub_all())


def stub_literal(name: str) -> list[str]:
    """The strings of the stub's `name = Literal[...]` alias."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            and isinstance(node.value, ast.Subscript)
        ):
            elts = node.value.slice
            assert isinstance(elts, ast.Tuple), name
            return [str(ast.literal_eval(e)) for e in elts.elts]
    raise AssertionError(f"the stub has no {name}")


def test_transfer_bases_in_the_stub_are_the_format_s() -> None:
    # The bases the stub names are those of the agreement format (its JSON
    # Schema), the three that rest on a decision about the recipient
    # included (GDPR art. 46(2)(e), 46(2)(f), 46(3)(a)).
    import json

    import dpa

    schema = json.loads(dpa.json_schema())
    spelled = [c["const"] for c in schema["$defs"]["TransferBasis"]["oneOf"]]
    assert sorted(stub_literal("_TransferBasis")) == sorted(spelled)
    for basis in ("code-of-conduct", "certification", "ad-hoc-clauses"):
        assert basis in spelled
    statuses = stub_literal("_BasisStatus")
    for status in ("details-not-stated", "not-approved", "no-binding-commitments"):
        assert status in statuses
