"""Task follow-up: tasks assigned by dispatches, their deadlines in working days, the four official
categories, the board, the dashboard and chasing letters for late units.

Public modules: `tasks` (save proposals, add, record progress), `proposals` (tasks from a dispatch's items),
`task_query` (TaskFilter, TaskRow, task_rows), `categories` (category_of, category_sql, category_where,
due_soon), `board` (the board's lists, its grouped view and choices), `dashboard` (dashboard, notices), `chasing`
(draft_chasing_letter), `deadlines` (find_deadline, parse_deadline), `recurring` (roll_over: a recurring
task's next period), `assignees`, `calendar` (working days), `calendar_service` (the office's days off),
`lists`, `cli`. Inside only: `deadline_grammar`, `deadline_scan`, `groups` (what the grouped view reads;
`board.TaskBrowser` answers it). `group_tasks` (split_proposals, split_group_tasks: a task for a group is one per
member unit) is public too.
"""

PUBLIC = ("tasks", "proposals", "task_query", "categories", "board", "dashboard", "chasing", "deadlines",
          "recurring", "assignees", "calendar", "calendar_service", "lists", "cli", "group_tasks")
