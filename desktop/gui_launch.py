"""Start the GUI: pick the database (--db, --demo, default), then hand over to `ui.app`.

This is the one place the core reaches up into `ui` (the composition root's only upward edge),
and it does so lazily so that CLI commands never import Qt.
"""
from __future__ import annotations

import argparse

from desktop.core.commands import db_options


def launch(args: argparse.Namespace) -> int:
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
    from ui.app import run  # composition root: the only upward import  # noqa: PLC0415

    try:
        return run(ctx, smoke=args.smoke, user=getattr(args, "user", None))
    finally:
        ctx.close()
