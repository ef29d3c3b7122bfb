"""Phản hồi: the window of one issued dispatch (units × status, counts, filters, bulk actions with
undo, the chasing letter to the units that have not answered) and the office-wide list of dispatches
still waiting for answers.

Public modules: `actions` (add_response_button for Văn bản đi's toolbar, open_selected, open_all),
`response_window` (open_response(ctx, outgoing_id)), `waiting_window` (open_waiting). Inside only:
`response_layout`, `rows_model`.
"""

PUBLIC = ("actions", "response_window", "waiting_window")
