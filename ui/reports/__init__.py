"""Báo cáo: the registers number by number, and the Sổ đăng ký dialog (reserve, void, check a number).

Public modules: `section`. Inside only: `register_dialog`.
"""

PUBLIC = ("section",)
