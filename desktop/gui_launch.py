"""Start the GUI: pick the database (--db, --demo, default), then hand over to `ui.app`.

This is the one place the core reaches up into `ui` (the composition root's only upward edge),
and it does so lazily so that CLI commands never import Qt.
"""
from __future__ import annotations

import argparse
import os

from desktop.core.commands import db_options


def launch(args: argparse.Namespace) -> int:
    try:
        ctx = _open(args)
    except Exception as exc:
        # Started from a shortcut there is no console to read stderr: say it in a window too
        # (not offscreen, where nobody would close the box; the CLI's one line follows either way).
        if not args.smoke and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            from ui.app import tell_start_failure  # noqa: PLC0415 - the composition root's upward edge

            tell_start_failure(exc)
        raise
    from ui.app import run  # composition root: the only upward import  # noqa: PLC0415

    try:
        return run(ctx, smoke=args.smoke)
    finally:
        ctx.close()


def _open(args: argparse.Namespace):
    from desktop.core.context import open_context, resolve_url

    db, url = db_options(args)
    if args.demo and db is None and url is None:
        from desktop.demo.office import ensure_demo_database
        from desktop.core.paths import demo_db_path

        path = ensure_demo_database(demo_db_path())
        ctx = open_context(resolve_url(path))
    else:
        # An explicit --db must exist (a typo must not silently start an empty office);
        # the default user-data database is created on first start.
        ctx = open_context(resolve_url(db, url), must_exist=db is not None)
    return ctx
