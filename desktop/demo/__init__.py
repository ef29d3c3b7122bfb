"""The demo office: a provincial office with its directory, registers, letters and tasks, for a first look
and for tests. Public: `office.build_demo_database(path)`, `office.ensure_demo_database(path)`; the `demo`
subcommand is in `cli`. No feature imports this package."""
