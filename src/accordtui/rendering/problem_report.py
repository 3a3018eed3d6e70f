"""`accordtui validate --format json`: every file checked and every problem, for editors
and CI, in a shape its own JSON Schema (`REPORT_SCHEMA`) describes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from accordtui.agreement.errors import Problem

_PLACE = {"type": ["integer", "null"], "minimum": 1}

REPORT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:accordtui:validate-report:1",
    "title": "accordtui validate --format json",
    "type": "object",
    "additionalProperties": False,
    "required": ["valid", "files", "problems", "warnings"],
    "properties": {
        "valid": {"type": "boolean", "description": "Every file checked is valid."},
        "files": {
            "description": "Each file checked, in the order given.",
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["file", "valid"],
                "properties": {
                    "file": {"type": "string", "description": "As named; <stdin> for -."},
                    "valid": {"type": "boolean"},
                },
            },
        },
        "problems": {
            "description": "Every problem of every file, in the order a reader meets them.",
            "type": "array",
            "items": {"$ref": "#/$defs/problem"},
        },
        "warnings": {
            "description": "Placeholders of `accordtui new` left to replace in valid files.",
            "type": "array",
            "items": {"$ref": "#/$defs/problem"},
        },
    },
    "$defs": {
        "problem": {
            "type": "object",
            "additionalProperties": False,
            "required": ["file", "line", "column", "path", "message"],
            "properties": {
                "file": {"type": "string"},
                "line": {**_PLACE, "description": "1-based; null for the whole file."},
                "column": {**_PLACE, "description": "1-based; null for the whole file."},
                "path": {
                    "type": ["string", "null"],
                    "description": "The field, as `quotes[1].speaker`; null if none.",
                },
                "message": {"type": "string", "description": "What is wrong, expected."},
            },
        },
    },
}
"""The report's shape; a test validates real reports against it."""


def report_json(
    checked: Sequence[tuple[str, Sequence[Problem]]], warned: Sequence[Problem] = ()
) -> str:
    """The report on `checked`: each file's name with its problems (none: valid), and the
    warnings `warned` of in valid files (placeholders left, speakers to check)."""
    problems = [problem for _, found in checked for problem in found]
    report = {
        "valid": not problems,
        "files": [{"file": name, "valid": not found} for name, found in checked],
        "problems": [_problem(p) for p in problems],
        "warnings": [_problem(p) for p in warned],
    }
    return json.dumps(report, indent=2) + "\n"  # all ASCII: no name can steer a terminal


def _problem(problem: Problem) -> dict[str, object]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column or (1 if problem.line is not None else None),
        "path": problem.path or None,
        "message": problem.message,
    }
