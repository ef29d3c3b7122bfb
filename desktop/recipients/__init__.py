"""Recipients: the directory of units (đơn vị nhận) and groups that letters go to.

Public modules: `lists` (the Đơn vị nhận list and a unit's detail), `membership` (group_members: the
members of a group on a day, in order; group_named, groups_by_name), `names` (unit_names: the directory
as names and aliases to match written text against).
"""

PUBLIC = ("lists", "membership", "names")
