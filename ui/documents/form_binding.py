"""Moving a `DraftInput` in and out of the editor's widgets (EditorForm)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate

from desktop.documents.inputs import TEXT_FIELDS, DraftInput, storable_input, unstorable_fields
from desktop.documents.editor_data import EditorChoices
from desktop.documents.symbols import build_symbol
from ui.common.forms import fill_combo, select_data
from ui.documents.editor_layout import EditorForm


def set_choices(form: EditorForm, choices: EditorChoices) -> None:
    fill_combo(form.register, choices.registers, "— chọn sổ —")
    fill_combo(form.drafting_unit, choices.drafting_units, "— chưa chọn —")
    fill_combo(form.signer, choices.signers, "— chọn người ký —")
    form.recipients.set_directory(choices.units, choices.groups)
    form.distribution.set_directory(choices.units, choices.groups)


def built_symbol(form: EditorForm, choices: EditorChoices) -> str:
    unit_id = form.drafting_unit.currentData()
    abbr = next((d.detail for d in choices.drafting_units if d.id == unit_id), None)
    return build_symbol(choices.office_abbr, abbr, form.doc_type.currentText())


def populate(form: EditorForm, data: DraftInput) -> None:
    """Show `data` in the widgets (signals of the caller should be muted by a flag)."""
    index = form.doc_type.findText(data.doc_type or "Công văn")
    if index < 0:
        form.doc_type.addItem(data.doc_type)
        index = form.doc_type.count() - 1
    form.doc_type.setCurrentIndex(index)
    select_data(form.register, data.register_id)
    select_data(form.drafting_unit, data.drafting_unit_id)
    form.symbol.setText(data.symbol or "")
    form.place.setText(data.place or "")
    form.no_date.setChecked(data.date is None)
    form.date.setEnabled(data.date is not None)
    if data.date is not None:
        form.date.setDate(QDate(data.date.year, data.date.month, data.date.day))
    form.subject.setText(data.subject or "")
    select_data(form.urgency, data.urgency)
    if form.body.toPlainText() != (data.body or ""):
        form.body.setPlainText(data.body or "")
    form.recipients.set_lines(list(data.recipients))
    form.distribution.set_lines(list(data.distribution))
    select_data(form.signer, data.signer_id)
    form.copies.setValue(data.copies or 0)
    form.file_copies.setValue(data.file_copies or 0)
    form.drafter.setText(data.drafter or "")
    form.drafter_initials.setText(data.drafter_initials or "")
    select_data(form.secrecy, data.secrecy)
    if form.contact.toPlainText() != "\n".join(data.contact):
        form.contact.setPlainText("\n".join(data.contact))
    form.appendices.set_items(list(data.appendices))


def collect(form: EditorForm, base: DraftInput) -> DraftInput:
    """The form as a DraftInput, without characters no store can hold (a pasted NUL or control
    character); `base` keeps what the form does not show (issuer, template)."""
    return storable_input(collect_raw(form, base))


def unstorable_labels(form: EditorForm, base: DraftInput) -> str:
    """«Nội dung», «Trích yếu»: the fields holding characters no store can hold ("" when none)."""
    return ", ".join(f"«{TEXT_FIELDS[k]}»" for k in unstorable_fields(collect_raw(form, base)))


def collect_raw(form: EditorForm, base: DraftInput) -> DraftInput:
    """The form exactly as typed."""
    qd = form.date.date()
    return replace(
        base,
        doc_type=form.doc_type.currentText(),
        register_id=form.register.currentData(),
        drafting_unit_id=form.drafting_unit.currentData(),
        symbol=form.symbol.text().strip() or None,
        place=form.place.text().strip() or None,
        date=None if form.no_date.isChecked() else date(qd.year(), qd.month(), qd.day()),
        subject=form.subject.text().strip(),
        urgency=form.urgency.currentData(),
        body=form.body.toPlainText(),
        recipients=form.recipients.lines(),
        distribution=form.distribution.lines(),
        signer_id=form.signer.currentData(),
        copies=form.copies.value(),
        file_copies=form.file_copies.value() or None,
        drafter=form.drafter.text().strip() or None,
        drafter_initials=form.drafter_initials.text().strip() or None,
        secrecy=form.secrecy.currentData(),
        contact=[line.strip() for line in form.contact.toPlainText().splitlines() if line.strip()],
        appendices=form.appendices.items(),
    )


def connect_changes(form: EditorForm, slot) -> None:
    """Call `slot()` on any edit of the form; an edited field's error message goes away with it."""
    def on(signal, name: str | None) -> None:
        signal.connect(lambda *_: (form.clear_error(name) if name else None, slot()))

    for combo, name in ((form.doc_type, "doc_type"), (form.register, "register_id"),
                        (form.drafting_unit, "drafting_unit_id"), (form.urgency, "urgency"),
                        (form.signer, "signer_id"), (form.secrecy, "secrecy")):
        on(combo.currentIndexChanged, name)
    for line, name in ((form.symbol, "symbol"), (form.place, "place"), (form.subject, "subject"),
                       (form.drafter, None), (form.drafter_initials, None)):
        on(line.textChanged, name)
    for spin, name in ((form.copies, "copies"), (form.file_copies, "file_copies")):
        on(spin.valueChanged, name)
    on(form.date.dateChanged, "date")
    form.no_date.toggled.connect(lambda on_: (form.date.setEnabled(not on_), form.clear_error("date"), slot()))
    on(form.body.textChanged, "body")
    on(form.recipients.changed, "recipients")
    on(form.distribution.changed, "distribution")
    on(form.contact.textChanged, "contact")
    on(form.appendices.changed, "appendices")


def set_read_only(form: EditorForm, read_only: bool) -> None:
    for w in (form.doc_type, form.register, form.drafting_unit, form.urgency, form.signer, form.no_date,
              form.symbol_reset, form.copies, form.file_copies, form.secrecy, form.contact_fill):
        w.setEnabled(not read_only)
    form.date.setEnabled(not read_only and not form.no_date.isChecked())
    for line in (form.symbol, form.place, form.subject, form.drafter, form.drafter_initials):
        line.setReadOnly(read_only)
    form.body.setReadOnly(read_only)
    form.contact.setReadOnly(read_only)
    form.appendices.set_read_only(read_only)
    form.setStyleSheet("QLineEdit[readOnly=\"true\"], QPlainTextEdit[readOnly=\"true\"] { background: #f1f1ee; }"
                       if read_only else "")
    form.recipients.set_read_only(read_only)
    form.distribution.set_read_only(read_only)
