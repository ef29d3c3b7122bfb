"""The Văn bản đi section and the dispatch editor (form beside the live page); Văn bản đến is ui.incoming.

Public modules: `section` (build_outgoing, the section ui.sections builds; SHORTCUTS), `editor`
(open_editor(ctx, document_id, ...)), `recipient_picker` (RecipientList, also in the template editor),
`recovery` (start_recovery). Inside only: `editor_layout`, `editor_memory`, `form_binding`, `issue_dialog`.
"""

PUBLIC = ("section", "editor", "recipient_picker", "recovery")
