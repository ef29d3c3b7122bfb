"""`--self-test`: what an installed program checks on a fresh profile, one line per step.

It creates a database in the data folder (migrations included), renders a letter to PDF, rasterises its
first page and reads the header back, and exports an .xlsx — the libraries and data files a bundle must
carry. Each step prints "OK  <step>" or "LỖI <step>: <reason>"; the run stops at the first failure (exit 1).
The lines also go to `<data folder>/logs/self-test.log`, since a windowed program has no console.
"""
from __future__ import annotations

from desktop.selftest.steps import run_self_test

__all__ = ["run_self_test"]
PUBLIC = ("steps",)
