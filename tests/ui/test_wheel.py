"""The mouse wheel over a combo or spin box that is not focused changes nothing (it scrolls the form)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def wheel(widget, steps: int = -1) -> None:
    """One notch of the wheel over the middle of `widget` (negative: towards the user)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_over_unfocused_combo_and_spin_box_changes_nothing(qtbot, demo_ctx):
    from ui.app import make_app
    from ui.documents.editor import open_editor

    make_app()
    editor = open_editor(demo_ctx)
    qtbot.waitExposed(editor)
    form = editor.form
    editor.activateWindow()
    form.subject.setFocus()
    qtbot.waitUntil(form.subject.hasFocus, timeout=5000)
    for combo in (form.urgency, form.signer, form.register):
        # the wheel no longer gives these the focus (Qt would do that before any filter)
        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert form.copies.focusPolicy() == Qt.FocusPolicy.StrongFocus
    urgency, signer, copies = form.urgency.currentIndex(), form.signer.currentIndex(), form.copies.value()
    for _ in range(3):
        wheel(form.urgency)
        wheel(form.signer)
        wheel(form.copies, +1)
    assert (form.urgency.currentIndex(), form.signer.currentIndex(), form.copies.value()) == (urgency, signer, copies)
    assert not editor.dirty
    # focused (clicked or tabbed into), the wheel works as usual
    form.urgency.setFocus()
    qtbot.waitUntil(form.urgency.hasFocus, timeout=5000)
    wheel(form.urgency)
    assert form.urgency.currentIndex() == urgency + 1
    editor.dirty = False
    editor.close()
