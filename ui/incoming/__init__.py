"""Văn bản đến: the incoming-letter section and its editor (type a letter, correct every field,
handler and ý kiến chỉ đạo, the original file, the dispatches it answers, delete after asking).

Public modules: `section` (build, the section ui.sections builds), `editor` (open_incoming_editor(ctx, incoming_id)).
Inside only: `editor_layout`.
"""

PUBLIC = ("section", "editor")
