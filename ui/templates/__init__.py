"""Mẫu văn bản: the template library section, the template editor, and composing from a template.

Public modules: `section` (also compose_from_template, used by Văn bản đi). Inside only: `fill_dialog`,
`template_editor`.
"""

PUBLIC = ("section",)
