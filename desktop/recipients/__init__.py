"""Recipients: the office's directory of units (đơn vị nhận), the groups printed as one Kính gửi /
Nơi nhận line with their members' dates, and the emulation clusters and blocks of each year.

Public modules: `directory` (add, edit, deactivate units; UnitInput, DirectoryError, unit_choices),
`merge` (merge_units), `groups` (group_members_on: a group as it was on a day; group_named,
groups_by_name), `group_edit` (groups and their ordered members), `clusters` (clusters per year,
role_label), `excel_export`, `excel_import` (the directory to and from .xlsx), `lists` (the Đơn vị nhận
list and a unit's detail), `names` (unit_names: the directory as names and aliases to match written text
against), `cli` (`directory export|import`). Inside only: `excel_format`, `excel_read`,
`excel_links`.
"""

PUBLIC = ("directory", "merge", "groups", "group_edit", "clusters", "excel_export", "excel_import", "lists",
          "names", "cli")
