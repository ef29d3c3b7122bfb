"""The Văn bản đi / Văn bản đến sections and the dispatch editor (form beside the live page).

Public modules: `section` (registers both sections and the start-up hook "documents-recovery"), `editor`
(open_editor(ctx, document_id, ...)), `recipient_picker` (RecipientList, also in the template editor),
`recovery` (start_recovery). Inside only: `editor_layout`, `editor_memory`, `form_binding`, `issue_dialog`.
"""

PUBLIC = ("section", "editor", "recipient_picker", "recovery")
