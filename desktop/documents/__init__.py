"""Outgoing and incoming documents (văn bản đi / đến): drafting, the flow to issue, gap-free numbering.

Public modules: `service` (create_draft, update_draft, load_draft, new_draft_input, clone, expand_group),
`flow` (submit, sign, issue, return_to_draft, cancel), `numbering` (next_number, reserve_number,
void_number, register_entries), `inputs` (DraftInput, RecipientInput, LoadedDraft), `errors`, `convert`
(dispatch_from_outgoing, printable), `preview` (preview_dispatch), `editor_data` (what the editor's
pickers show), `autosave`, `lists`, `symbols` (build_symbol), `choices` (DOC_TYPES, URGENCY_CHOICES),
`body`, `parts` (secrecy, the address footer and the appendices as stored and printed), `cli`. Inside
only: `store`, `profile`, `validation`, `clone` (its functions are re-exported by `service`).
"""

PUBLIC = ("service", "flow", "numbering", "inputs", "errors", "convert", "preview", "editor_data", "autosave",
          "lists", "symbols", "choices", "body", "parts", "cli")
