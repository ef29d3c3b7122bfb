"""dispatch_from_input: the unsaved form as the letter prints it, same lines as the stored draft."""
from __future__ import annotations

from desktop.documents.convert import dispatch_from_outgoing
from desktop.documents.inputs import RecipientInput
from desktop.documents.editor_data import editor_choices, filter_choices
from desktop.documents.preview import dispatch_from_input
from desktop.documents.service import create_draft, new_draft_input


def _form(ctx):
    choices = editor_choices(ctx)
    data = new_draft_input(ctx)
    data.register_id = choices.registers[0].id
    data.drafting_unit_id = next(d.id for d in choices.drafting_units if d.detail == "NC")
    data.signer_id = choices.signers[0].id
    data.subject = "thử bản xem trước"
    data.body = "Đoạn mở đầu do kiểm thử viết.\n1. Việc thứ nhất.\n- ý gạch đầu dòng"
    group = choices.groups[0]
    data.recipients = [RecipientInput(text="", group_id=group.id), RecipientInput(text="Đơn vị tự gõ")]
    data.distribution = [RecipientInput(text="Chủ tịch UBND tỉnh", purpose="(b/c)")]
    data.file_copies = 2
    return data, choices


def test_preview_matches_the_stored_draft(demo_ctx):
    data, choices = _form(demo_ctx)
    preview = dispatch_from_input(demo_ctx, data)
    assert preview.number is None
    assert preview.symbol and preview.symbol.endswith("-NC") and " " not in preview.symbol
    assert preview.recipients[0] == choices.groups[0].label
    assert preview.distribution[0] == "Như trên"
    assert preview.distribution[1] == "Chủ tịch UBND tỉnh (b/c)"
    assert preview.distribution[-1] == "Lưu: VT, NC (2)"
    assert preview.signer.name == choices.signers[0].label and preview.signer.title_lines
    assert [p.label for p in preview.body] == [None, "1", None]
    doc_id, _ = create_draft(demo_ctx, data, "kiểm thử")
    with demo_ctx.session() as session:
        stored = dispatch_from_outgoing(session, doc_id)
    assert stored.distribution == preview.distribution
    assert stored.recipients == preview.recipients
    assert stored.symbol == preview.symbol and stored.place == preview.place
    assert dispatch_from_input(demo_ctx, data, number=7).number == 7


def test_filter_is_accent_insensitive(demo_ctx):
    choices = editor_choices(demo_ctx)
    found = filter_choices(choices.units, "so noi vu")
    assert found and all("nội vụ" in c.label.lower() for c in found)
    assert filter_choices(choices.units, "") == choices.units
