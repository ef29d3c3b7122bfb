"""Fuzzing that can fail: Hypothesis over the importer, the deadline reader, every form validator and the
template engine — 10,000 cases in all (CASES), deterministic (the same cases on every run, so a failure
is reproduced by running the test again; HYPOTHESIS_PROFILE=explore draws new ones), and no exception
escapes but the documented error types, each with one readable Vietnamese line."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# examples per test; the whole fuzz runs in about a minute on two cores
CASES = {
    "importer_noise": 1200,
    "importer_text": 600,
    "importer_files": 300,
    "importer_review": 400,
    "deadline_pieces": 1500,
    "deadline_text": 500,
    "deadline_typed": 500,
    "template_fill": 1500,
    "template_values": 500,
    "template_forms": 500,
    "form_draft": 700,
    "form_unit": 400,
    "form_group_cluster": 300,
    "form_movement_task": 300,
    "form_user": 300,
    "form_settings": 300,
    "form_dispatch_json": 300,
}
_USED: set[str] = set()
_EXPLORE = os.environ.get("HYPOTHESIS_PROFILE") == "explore"


def fuzz(name: str):
    """The settings of the fuzz test `name`: its number of cases, no deadline, no example database."""
    _USED.add(name)
    return settings(max_examples=CASES[name], deadline=None, database=None, derandomize=not _EXPLORE,
                    suppress_health_check=list(HealthCheck), print_blob=True)


def used() -> set[str]:
    return set(_USED)


def readable(exc: BaseException) -> None:
    """A documented error's message: words for the clerk, no traceback, no SQL (what the clerk typed may
    be quoted in it as typed)."""
    text = str(exc)
    assert text.strip(), f"{type(exc).__name__} without a message"
    assert "Traceback" not in text and "SELECT " not in text and "INSERT " not in text, text
