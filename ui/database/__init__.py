"""Tệp ▸ Cơ sở dữ liệu…: choose the local file or the office's PostgreSQL server, test the connection, move
the local data to the server once. Public: `actions` (the menu entry), `dialog.DatabaseDialog`,
`password.ask_password` (asked at start when the keyring has none)."""

PUBLIC = ("actions", "dialog", "password")
