"""Tracking per unit: who an issued dispatch went to, how, who received it, who answered (the reply
linked by itself when it cites the dispatch and comes from a recipient), who is late; the chasing
letter to exactly the units that have not answered.

Public modules: `rows` (track_issued: the rows made when a dispatch is issued), `query`
(dispatch_tracking, TrackingRow, the late rule), `actions` (bulk_mark, BULK_ACTIONS, attach_unit,
set_reply_deadline), `undo` (undo a tracking change), `replies` (link_citations, link_by_hand,
unlink_reply, unlink_letter, issuer_unit, replies_of, mark_replied), `chase` (draft_reply_chase),
`lists` (WAITING, the office-wide list), `cli` (`recipients`).
"""

PUBLIC = ("rows", "query", "actions", "undo", "replies", "chase", "lists", "cli")
