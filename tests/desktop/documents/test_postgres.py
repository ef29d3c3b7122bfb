"""The drafting services on PostgreSQL (skipped without TDKT_TEST_PG_URL)."""
from __future__ import annotations

from datetime import date

import pytest

from desktop.documents import autosave, numbering, service
from desktop.documents.errors import DocumentError, StaleVersion
from desktop.templates import service as templates
from desktop.templates.seed import seed_templates
from tests.desktop.documents.conftest import good_draft, make_setup

pytestmark = pytest.mark.postgres


def test_flow_register_autosave_and_templates_on_postgresql(pg_ctx):
    setup = make_setup(pg_ctx)
    doc_id, _ = service.create_draft(pg_ctx, good_draft(setup), "cv")
    loaded = service.load_draft(pg_ctx, doc_id)
    service.update_draft(pg_ctx, doc_id, loaded.data, loaded.version, "cv")
    with pytest.raises(StaleVersion):
        service.update_draft(pg_ctx, doc_id, loaded.data, loaded.version, "cv")
    service.submit(pg_ctx, doc_id, "cv")
    service.sign(pg_ctx, doc_id, "ld")
    assert service.issue(pg_ctx, doc_id, "vt", on=date(2025, 1, 2))[0] == 1
    assert numbering.reserve_number(pg_ctx, setup.register_id, 2025, "giữ", "vt")[0] == 2
    numbering.void_number(pg_ctx, setup.register_id, 2025, 2, "hỏng", "vt")
    assert not numbering.check_manual_number(pg_ctx, setup.register_id, 2025, 1, date(2025, 1, 1)).ok
    assert [(r.number, r.status) for r in numbering.register_entries(pg_ctx, setup.register_id, 2025)] == [
        (1, "issued"), (2, "voided"),
    ]
    other = service.clone(pg_ctx, doc_id, "cv")[0]
    service.submit(pg_ctx, other, "cv")
    service.sign(pg_ctx, other, "ld")
    with pytest.raises(DocumentError):
        service.issue(pg_ctx, other, "vt", on=date(2025, 1, 3), number=1)
    assert service.issue(pg_ctx, other, "vt", on=date(2025, 1, 3))[0] == 3
    slot = autosave.save_autosave(pg_ctx, None, {"subject": "một"}, "cv")  # a new draft's own slot
    assert autosave.save_autosave(pg_ctx, None, {"subject": "hai"}, "cv", autosave_id=slot) == slot
    assert [p.subject for p in autosave.pending_autosaves(pg_ctx)] == ["hai"]
    with pg_ctx.session() as s:
        assert seed_templates(s) >= 5
        s.commit()
    assert len(templates.list_templates(pg_ctx, search="thi dua")) >= 4
