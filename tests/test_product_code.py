"""What the product packages must never contain: test switches, or code from tests/benchmarks.

Faults and fakes are injected from the test side (``tests/support``); the product code that
runs in production is the code the tests run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("publisher", "translations", "audio")
TEST_ONLY = ("tests", "benchmarks")


def _sources() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def _imported(tree: ast.AST) -> list[str]:
    """Modules named by import statements and by ``import_module``/``__import__`` calls."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.append(node.args[0].value)
    return names


def test_there_are_sources_to_check() -> None:
    assert len(_sources()) > 50


@pytest.mark.parametrize("path", _sources(), ids=lambda path: str(path.relative_to(ROOT)))
def test_product_code_reads_no_test_switch(path: Path) -> None:
    """No ``KAKEHASHI_TEST*`` environment variable (or any mention of one) in product code."""
    assert "KAKEHASHI_TEST" not in path.read_text("utf-8").upper()


@pytest.mark.parametrize("path", _sources(), ids=lambda path: str(path.relative_to(ROOT)))
def test_product_code_imports_nothing_from_tests_or_benchmarks(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    wrong = [name for name in _imported(tree) if name.split(".")[0] in TEST_ONLY]
    assert wrong == []
