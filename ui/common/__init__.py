"""What every section and dialog shares (no feature logic): `background` (run_read, run_write, run_job),
`change_bus` (the one `changed(Changes)` signal), `lazy_table`, `list_section`, `detail_dialog`, `forms`
(ERROR_STYLE, error_label, fill_combo, select_data), `dates` (optional dates), `messages`, `icons`,
`user_settings` (the per-user settings in ui.ini), `wheel` (combo and spin boxes ignore the wheel
unless focused; installed on the application by ui.app.make_app)."""
