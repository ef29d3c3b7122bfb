"""Storage the office can trust: failures said in Vietnamese, backups and restores.

Public modules:
- `problems`: `storage_failure(exc)` / `user_facing(exc)` — one Vietnamese sentence per storage failure.
- `backup`: `make_backup(url, out)` — a SQLite copy (online backup API) or, on PostgreSQL, pg_dump or an
  export of every table in one archive; whole or not at all. `backup_before_migration` for db.migrate.
- `restore`: `read_backup(file)` (what a backup holds) and `restore(url, info)` (old or new, never a mix).
- `schedule`: the automatic rotating backups (on start and every N hours; the last K days and W weeks kept).
- `summary`: what a database holds (counts of documents and tasks, last number per register).
- `service`: `backup_database(ctx, out)` / `restore_database(ctx, info)` — as the signed-in user: restore
  needs quản trị, and the audit log records both.
- `cli`: `python -m desktop backup` / `restore`.
Inside only: `export` (every table as JSON lines, and back).
"""

PUBLIC = ("problems", "backup", "restore", "schedule", "summary", "service", "cli")
