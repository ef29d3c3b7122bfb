"""QApplication set-up and the GUI entry point (`run`), including `--smoke`."""
from __future__ import annotations

import sys

from PySide6.QtCore import QElapsedTimer, Qt, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.core.context import AppContext
from ui.common.user_settings import user_settings

# Platform-plugin chatter that says nothing to a clerk (the offscreen plugin used by tests and benchmarks).
_QUIET = ("This plugin does not support propagateSizeHints()", "This plugin does not support raise()")


def _qt_message(mode, context, message: str) -> None:
    if message not in _QUIET:
        sys.stderr.write(message + "\n")


def make_app(argv: list[str] | None = None) -> QApplication:
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("TĐKT Desk")
    app.setOrganizationName("TDKT")
    if sys.platform != "win32":
        app.setStyle("Fusion")  # native style on Windows, Fusion elsewhere
    # Vietnamese locale and Qt's strings in Vietnamese. File and print dialogs stay native on Windows
    # (they speak the system's language); where Qt draws them, they use this translation.
    from ui.common.language import install

    install(app)
    from ui.common.wheel import install_wheel_guard

    install_wheel_guard(app)
    return app  # type: ignore[return-value]


def tell_start_failure(exc: BaseException) -> None:
    """The database could not be opened: one message box, in Vietnamese, saying what to do."""
    from desktop.storage.problems import user_facing
    from ui.common.messages import show_error

    make_app()
    shown = user_facing(exc)
    show_error(None, str(shown) or shown.__class__.__name__, "TĐKT Desk không mở được dữ liệu")


def run(ctx: AppContext, *, smoke: bool = False, exit_when_shown: bool = False, user: str | None = None) -> int:
    app = make_app()
    from ui.common.background import wait_for_all
    from ui.main_window import MainWindow

    if not who_is_working(ctx, user, smoke=smoke or exit_when_shown):
        wait_for_all()
        return 0
    window = MainWindow(ctx, user_settings())
    window.show()
    if smoke or exit_when_shown:
        if smoke:
            code = smoke_test(app, window)
        else:
            from ui.shown import exit_when_shown as wait_shown

            code = wait_shown(app, window)
        window.close()
        wait_for_all()
        return code
    code = app.exec()
    wait_for_all()
    return code


def who_is_working(ctx: AppContext, user: str | None = None, *, smoke: bool = False) -> bool:
    """A shared office (two or more users) asks who is working before the main window (False: the user
    quit). TDKT_PASSWORD with --user / TDKT_USER signs in without asking; --smoke without them only
    browses (every write would be refused)."""
    import os

    from desktop.users.login import LoginFailed, needs_login, sign_in_cli

    if not needs_login(ctx):
        return True
    if os.environ.get("TDKT_PASSWORD") is not None and (user or os.environ.get("TDKT_USER")):
        try:
            sign_in_cli(ctx, user)
            return True
        except LoginFailed:
            pass  # ask
    if smoke:
        return True
    from ui.users.login_dialog import ask_login

    return ask_login(ctx, user or os.environ.get("TDKT_USER"))


def smoke_test(app: QApplication, window) -> int:
    """Visit every section, wait for its list to load, and report; 0 when all loaded."""
    failures = []
    for spec in window.specs:
        widget = window.section(spec.key)
        model = getattr(widget, "model", None)
        loaded: list[int] = []
        if model is not None and hasattr(model, "loaded"):
            model.loaded.connect(loaded.append)
            model.reload()
        timer = QElapsedTimer()
        timer.start()
        while model is not None and not loaded and timer.elapsed() < 10_000:
            app.processEvents()
        if model is not None and not loaded:
            failures.append(spec.title)
        print(f"{spec.title}: {loaded[0] if loaded else 'không tải được'}", flush=True)
    if failures:
        print("Lỗi: không mở được " + ", ".join(failures), file=sys.stderr)
        return 1
    return 0


def choose_server_url() -> str | None:
    """The server chosen in Tệp ▸ Cơ sở dữ liệu…, asking for its password when the keyring has none; None
    when the clerk cancels and agrees to work on this PC's file instead (the choice goes back to the file).
    Quits (exit 1) when they want neither."""
    from desktop.database.choice import save_choice, start_url
    from ui.database.password import ask_password, offer_local_file

    make_app()
    url = start_url(ask_password)
    if url is None:
        if not offer_local_file():
            raise SystemExit(1)
        save_choice(None)
    return url
