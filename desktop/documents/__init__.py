"""Outgoing and incoming documents (văn bản đi / đến): drafting, the flow to issue, gap-free numbering.

Public modules: `service` (create_draft, update_draft, load_draft, new_draft_input, clone, expand_group),
`flow` (submit, sign, issue, return), `numbering` (next, reserve, void, register entries), `inputs`
(DraftInput, RecipientInput, LoadedDraft), `errors`, `convert` (dispatch_from_outgoing, printable),
`preview` (dispatch_from_input), `editor_data` (what the editor's pickers show), `autosave`, `lists`,
`symbols` (DOC_TYPES, build_symbol), `body`, `cli`. Inside only: `store`, `profile`, `validation`,
`choices`, `clone` (its functions are re-exported by `service`).
"""

PUBLIC = ("service", "flow", "numbering", "inputs", "errors", "convert", "preview", "editor_data", "autosave",
          "lists", "symbols", "body", "cli")
