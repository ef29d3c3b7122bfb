"""Nhiệm vụ: the follow-up board, its dashboard, the dialogs that record tasks and progress and draft
chasing letters, and the reminder on start and once a day.

Public modules: `section` (registers the section and the start-up hook "followup-reminder"), `actions`
(Tệp ▸ Lịch nghỉ lễ, Tết…), `chase` (DeadlineDialog, ChaseRunner: ask the new deadline, draft a chasing
letter on the write lane and open it in the editor). Everything else is the board's own.
"""

PUBLIC = ("section", "actions", "chase")
