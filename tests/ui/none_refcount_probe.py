"""Soak probe: do PySide6 calls that return None give back a reference to None they never took?

Run as a script in a fresh process (offscreen Qt): `python tests/ui/none_refcount_probe.py [CALLS]`.
For each call below it makes CALLS calls (50,000 by default) and prints one line
`<call>\t<change of sys.getrefcount(None)>`. A correct binding gives ~0; PySide6 6.12.0 on
Python 3.11 gives -CALLS per call, and without the padding below the process would die with
"Fatal Python error: none_dealloc" before the end. Python 3.12+ makes None immortal: always 0 there.
"""
from __future__ import annotations

import os
import sys

CALLS = 50_000
_ALIVE: list[object] = []  # the probed objects (an index does not keep its model alive)


def probes():
    """(name, zero-argument call returning None) for every call the soak covers."""
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QComboBox, QLabel, QWidget

    label = QLabel()
    combo = QComboBox()
    combo.addItem("không có dữ liệu")  # item data is None
    top = QWidget()
    obj = QObject()
    model = QStandardItemModel(2, 2)
    empty = model.index(1, 1)
    _ALIVE.extend((label, combo, top, obj, model))
    return [
        ("QLabel.setText", lambda: label.setText("Văn bản đi")),
        ("QComboBox.itemData (None data)", lambda: combo.itemData(0)),
        ("QWidget.parentWidget (top-level)", top.parentWidget),
        ("QObject.property (unset name)", lambda: obj.property("khong_co")),
        ("QModelIndex.data (empty cell)", empty.data),
    ]


def main(calls: int = CALLS) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841
    # Hold extra references so that a leaking binding cannot drive None's count to zero (which
    # kills the process): the loss is then measured and printed instead of crashing mid-way.
    padding = [None] * (6 * calls)  # noqa: F841 - five probes lose at most 5 * calls
    for name, call in probes():
        call()  # first call outside the count: any one-time caching
        before = sys.getrefcount(None)
        for _ in range(calls):
            call()
        after = sys.getrefcount(None)
        print(f"{name}\t{after - before}", flush=True)
    # Leave at once: on a leaking binding, freeing the padding at shutdown would hand back the
    # references lost above and end in none_dealloc after the numbers were printed.
    os._exit(0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else CALLS)
