"""Dispatch templates: the office's library of reusable dispatches, filled from a form.

Public modules: `service` (list, create, update, duplicate, archive; instantiate: a template -> a draft), `engine`
(the sandboxed fill: Placeholder, PLACEHOLDER_TYPES, fill, placeholders_in), `seed` (the templates shipped in
resources/templates), `lists` (the Mẫu văn bản list).
"""

PUBLIC = ("service", "engine", "seed", "lists")
