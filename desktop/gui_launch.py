"""Start the GUI: pick the database (--db, --demo, the server chosen in Tệp ▸ Cơ sở dữ liệu…, default),
then hand over to `ui.app`.

This is the one place the core reaches up into `ui` (the composition root's only upward edge),
and it does so lazily so that CLI commands never import Qt.

`--exit-when-shown` (the contract start-up benchmarks use): open the main window, wait until it
is painted and its first list shows its rows, print nothing and exit 0; a missing --db file is
created as the default database is on a first start; not shown within 60 s (TDKT_SHOWN_TIMEOUT
seconds, for tests) → one line on stderr and exit 1.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import threading

from desktop.core.commands import db_options

SHOWN_TIMEOUT_S = 60.0


def launch(args: argparse.Namespace) -> int:
    # Start-up builds many long-lived objects (modules, SQLAlchemy mappers, widgets) and few cycles to
    # collect: the cycle collector waits until the first list is shown (MainWindow.start_features
    # resumes it), about a tenth of the start-up time.
    gc.disable()
    exit_when_shown = getattr(args, "exit_when_shown", False)
    if exit_when_shown:
        _start_watchdog(float(os.environ.get("TDKT_SHOWN_TIMEOUT", SHOWN_TIMEOUT_S)))
    try:
        ctx = _open(args, exit_when_shown)
    except Exception as exc:
        # Started from a shortcut there is no console to read stderr: say it in a window too
        # (not offscreen, where nobody would close the box; the CLI's one line follows either way).
        if not (args.smoke or exit_when_shown) and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            from ui.app import tell_start_failure  # noqa: PLC0415 - the composition root's upward edge

            tell_start_failure(exc)
        raise
    from ui.app import run  # composition root: the only upward import  # noqa: PLC0415

    try:
        return run(ctx, smoke=args.smoke, exit_when_shown=exit_when_shown, user=getattr(args, "user", None))
    finally:
        ctx.close()


def _open(args: argparse.Namespace, exit_when_shown: bool):
    from desktop.core.context import open_context, resolve_url

    db, url = db_options(args)
    if args.demo and db is None and url is None:
        from desktop.demo.office import ensure_demo_database
        from desktop.core.paths import demo_db_path

        path = ensure_demo_database(demo_db_path())
        return open_context(resolve_url(path))
    if db is None and url is None and not os.environ.get("TDKT_DATABASE_URL") and _server_chosen():
        chosen = _server_url()
        return open_context(chosen or resolve_url(None))
    # An explicit --db must exist (a typo must not silently start an empty office);
    # the default user-data database is created on first start, and so is the benchmark's.
    return open_context(resolve_url(db, url), must_exist=db is not None and not exit_when_shown)


def _server_chosen() -> bool:
    from desktop.database.choice import load_choice

    return load_choice() is not None


def _server_url() -> str | None:
    from ui.app import choose_server_url  # composition root: the only upward import  # noqa: PLC0415

    return choose_server_url()


def _start_watchdog(seconds: float) -> None:
    """Leave with exit code 1 and one line on stderr if the window is not shown in time.

    A thread, not a Qt timer: it fires even when the GUI thread is stuck (a migration, a query)."""
    def give_up() -> None:
        sys.stderr.write(f"Lỗi: cửa sổ chính không hiện trong {seconds:g} giây.\n")
        sys.stderr.flush()
        os._exit(1)

    timer = threading.Timer(seconds, give_up)
    timer.daemon = True
    timer.start()
