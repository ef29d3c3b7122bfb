"""Nhập văn bản: the import screen (one file, reviewed field by field) and folder import."""
