"""The errors of reading a file to import; their messages are for the clerk (Vietnamese)."""
from __future__ import annotations

from desktop.core.limits import LimitExceeded


class ImportFileError(ValueError):
    """A file the importer cannot read; the message is for the clerk (Vietnamese)."""


class LegacyEncodingError(ImportFileError):
    """Text typed with a legacy Vietnamese font encoding (TCVN3/ABC, VNI)."""


class ImportLimitError(ImportFileError, LimitExceeded):
    """A file beyond a limit of desktop/core/limits.py (too large, too many pages, a ZIP bomb, too slow)."""
