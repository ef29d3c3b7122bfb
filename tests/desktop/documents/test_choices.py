"""The pickers' choices."""
from __future__ import annotations

from desktop.documents import choices


def test_choices_for_the_editor(ctx, setup):
    assert [(c.id, c.code) for c in choices.registers(ctx)] == [(setup.register_id, "CV-DI")]
    assert choices.registers(ctx, "in") == []
    assert [s.label for s in choices.signers(ctx)] == ["Trần Văn Một – PHÓ CHỦ TỊCH", "Lê Thị Hai – CHỦ TỊCH"]
    assert [(u.id, u.code) for u in choices.drafting_units(ctx)] == [(setup.unit_nc, "NC")]
    assert choices.DOC_TYPES[0] == "Công văn" and "Kế hoạch" in choices.DOC_TYPES
    assert choices.URGENCY_CHOICES[1] == ("khan", "Khẩn")
