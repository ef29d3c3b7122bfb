"""Phản hồi: who an issued dispatch went to and who has answered (one dispatch, and office-wide)."""
