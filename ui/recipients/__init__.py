"""Đơn vị nhận: the unit directory section.

Public modules: `section`.
"""

PUBLIC = ("section",)
