"""Nhập văn bản: the import screen (one file, reviewed field by field) and folder import.

Public modules: `actions` (the Tệp menu entries and add_import_button for a section's toolbar). The
screens open one another through `openers`; nothing outside needs them.
"""

PUBLIC = ("actions",)
