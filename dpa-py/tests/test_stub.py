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
