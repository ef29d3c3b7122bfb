"""Which database this PC works on: the local SQLite file, or the office's PostgreSQL server.

Public: `choice.load_choice()` / `save_choice(...)` (kept in the data folder, never the password),
`choice.start_url(ask_password)` (what the GUI opens when nothing on the command line says otherwise),
`server.server_url(...)`, `server.check_server(...)` (a Vietnamese message or None), `secrets` (the password
in the OS keyring where there is one), `transfer.copy_to_server(...)` (the local data moved into an empty
server database once, counts checked)."""

PUBLIC = ("choice", "server", "secrets", "transfer")
