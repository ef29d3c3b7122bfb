"""Movements (phong trào thi đua): the register of emulation movements, their launching documents,
dates and the tasks and dispatches linked to them.

Public modules: `service` (list_movements, get_movement, create_movement, update_movement, link_documents,
unlink_document, assign_tasks), `lists` (the Phong trào thi đua list).
"""

PUBLIC = ("service", "lists")
