"""Statuses are enums: no module compares with, or assigns, a status spelled as a bare string.

A status literal outside its enum drifts (a typo is a silent ``False``); this reads every
module of the product and names each place that does it.
"""

from __future__ import annotations

import ast
from enum import StrEnum
from pathlib import Path

from publisher.statuses import (
    CapMessageType,
    EmergencyState,
    EmergencyVersionState,
    JobKind,
    JobState,
    LanguageStatus,
    ReviewStatus,
)
from publisher.workflow import Action, State
from translations.statuses import SegmentOrigin, TranslationStatus

REPO = Path(__file__).resolve().parents[1]
ENUMS: tuple[type[StrEnum], ...] = (
    State,
    Action,
    JobKind,
    JobState,
    LanguageStatus,
    SegmentOrigin,
    TranslationStatus,
    EmergencyState,
    EmergencyVersionState,
    CapMessageType,
    ReviewStatus,
)
VALUES = {member.value for enum in ENUMS for member in enum}
STATUS_NAMES = {"status", "state", "origin", "translation", "kind", "translation_status"}
# Revisions are frozen in time: they must not change when the enums do.
SKIPPED = ("publisher/migrations/versions/",)


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in VALUES:
        return node.value
    return None


def _literals(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [value for element in node.elts if (value := _literal(element))]
    value = _literal(node)
    return [value] if value else []


def _target_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def status_literals(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
            _target_name(base) == "StrEnum" for base in node.bases
        ):
            continue
        if isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                found += [(node.lineno, value) for value in _literals(side)]
        elif isinstance(node, ast.keyword) and node.arg in STATUS_NAMES:
            found += [(node.value.lineno, value) for value in _literals(node.value)]
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_target_name(target) in STATUS_NAMES for target in targets):
                found += [(node.lineno, value) for value in _literals(node.value)]
    return found


def _enum_bodies(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
            _target_name(base) == "StrEnum" for base in node.bases
        ):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def test_no_status_is_spelled_outside_its_enum() -> None:
    problems = []
    for package in ("publisher", "translations", "audio"):
        for path in sorted((REPO / package).rglob("*.py")):
            relative = path.relative_to(REPO).as_posix()
            if relative.startswith(SKIPPED):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            inside_enums = _enum_bodies(tree)
            problems += [
                f"{relative}:{line}: {value!r}"
                for line, value in status_literals(tree)
                if line not in inside_enums
            ]
    assert problems == [], "use the enum member instead:\n" + "\n".join(problems)


def test_the_check_finds_a_literal() -> None:
    code = 'if row.status == "published":\n    job.state = "failed"\nf(origin="human")\n'
    assert [value for _, value in status_literals(ast.parse(code))] == [
        "published",
        "failed",
        "human",
    ]
