"""What the user may not do is shown disabled, with the reason as its tooltip (the service refuses it
anyway: desktop/core/access.py). No database read: the rights come from `ctx.actor`."""
from __future__ import annotations

from desktop.core.access import refusal


def may(ctx, permission: str) -> bool:
    return ctx.actor.may(permission)


def restrict(target, ctx, permission: str) -> bool:
    """Disable `target` (a widget or a QAction) when the user lacks `permission`, and say why in
    Vietnamese in its tooltip. True when the user may."""
    if may(ctx, permission):
        return True
    target.setEnabled(False)
    target.setToolTip(refusal(permission, ctx.actor.roles))
    return False


def restrict_all(ctx, permission: str, *targets) -> bool:
    allowed = True
    for target in targets:
        allowed = restrict(target, ctx, permission) and allowed
    return allowed
