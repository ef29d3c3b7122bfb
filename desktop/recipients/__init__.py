"""Recipients: the directory of units (đơn vị nhận) and groups that letters go to.

Public modules: `lists` (the Đơn vị nhận list and a unit's detail).
"""

PUBLIC = ("lists",)
