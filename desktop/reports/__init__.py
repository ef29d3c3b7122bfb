"""Reports: what the office reads back and hands on; today the registers number by number.

Public modules: `lists` (the Báo cáo list: every register entry).
"""

PUBLIC = ("lists",)
