"""Dispatch templates: the office's library of reusable dispatches, filled from a form.

Public modules: `service` (list, create, edit, duplicate, archive; a template -> a draft), `engine`
(the sandboxed fill: Placeholder, PLACEHOLDER_TYPES, fill), `seed` (the templates shipped in
resources/templates), `lists` (the Mẫu văn bản list).
"""

PUBLIC = ("service", "engine", "seed", "lists")
