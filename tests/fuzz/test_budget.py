"""The fuzz is 10,000 cases and every budgeted test exists."""
from __future__ import annotations

import importlib
from pathlib import Path

from tests.fuzz import CASES, used


def test_ten_thousand_cases_in_all_each_one_run():
    for module in sorted(Path(__file__).parent.glob("test_fuzz_*.py")):
        importlib.import_module(f"tests.fuzz.{module.stem}")  # each test names its budget when it is defined
    assert sum(CASES.values()) >= 10_000
    assert used() == set(CASES)
