"""Reports: what the office reads back and hands on — the registers number by number, and the Excel
workbooks: the decree's registers (sổ đăng ký đi / đến), the tasks report in the four official
categories, the answers matrix, and any list as the clerk sees it.

Public modules: `lists` (the Báo cáo list: every register entry), `registers` (export_register,
register_choices), `tasks_report` (export_tasks), `responses` (export_responses, awaiting_dispatches),
`list_export` (ListView, export_list), `output` (ExportError, the temporary-name-then-rename write),
`period` (Period, parse_period), `cli` (`export`). Inside only: `workbook` (streamed printable tables),
`register_rows`, `tracking` (what the answers matrix reads).
"""

PUBLIC = ("lists", "registers", "tasks_report", "responses", "list_export", "output", "period", "cli")
