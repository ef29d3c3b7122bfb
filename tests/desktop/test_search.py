"""The search box: a NUL or control characters match nothing (never everything), a search of 1,000
words works, LIKE wildcards are plain characters — in the lists, the task board and list_templates,
on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from desktop.core import listing
from desktop.core.search import search_words
from desktop.documents import service
from desktop.documents.lists import OUTGOING
from datetime import date

from desktop.followup.task_query import TaskFilter, task_rows
from desktop.templates.service import TemplateData, create_template, list_templates
from tests.desktop.documents.conftest import good_draft, make_setup

THOUSAND = " ".join(f"từ{i}" for i in range(1000))


@pytest.fixture(params=["sqlite", "postgresql"])
def any_ctx(request):
    return request.getfixturevalue("ctx" if request.param == "sqlite" else "pg_ctx")


def test_search_words():
    assert search_words("") == [] and search_words("   ") == []
    assert search_words("\x00") is None and search_words("\x00\x07 \x1b") is None
    assert search_words("Đắk\x00 Nông đắk") == ["nong", "dak"]
    assert search_words("ab abc b") == ["abc"]  # the shorter words are inside the longer one


def outgoing_ids(ctx, text):
    with ctx.session() as session:
        return listing.ids(session, OUTGOING, text)


def test_outgoing_list(any_ctx):
    setup = make_setup(any_ctx)
    service.create_draft(any_ctx, good_draft(setup, subject="thi đua 100% đơn vị"), "cv")
    service.create_draft(any_ctx, good_draft(setup, subject="khen thưởng a_b"), "cv")
    assert len(outgoing_ids(any_ctx, "")) == 2
    assert outgoing_ids(any_ctx, "\x00") == [] and outgoing_ids(any_ctx, "\x07\x00") == []
    assert len(outgoing_ids(any_ctx, "thi\x00 dua")) == 1
    assert len(outgoing_ids(any_ctx, "%")) == 1 and len(outgoing_ids(any_ctx, "_")) == 1
    assert outgoing_ids(any_ctx, THOUSAND) == []
    assert len(outgoing_ids(any_ctx, "thi đua " * 500)) == 1
    subject_words = "thi đua 100% đơn vị ".split()
    assert len(outgoing_ids(any_ctx, " ".join(subject_words * 250))) == 1


def test_tasks_board(any_ctx):
    from desktop.followup.tasks import TaskInput, add_task

    add_task(any_ctx, TaskInput(title="Rà soát hồ sơ khen thưởng"), "cv")
    assert len(task_rows(any_ctx, date(2025, 1, 1), TaskFilter(text="ra soat"))) == 1
    assert len(task_rows(any_ctx, date(2025, 1, 1), TaskFilter(text="rà soát " * 600))) == 1
    assert task_rows(any_ctx, date(2025, 1, 1), TaskFilter(text=THOUSAND)) == []
    assert task_rows(any_ctx, date(2025, 1, 1), TaskFilter(text="\x00")) == []


def test_list_templates_escapes_wildcards(any_ctx):
    create_template(any_ctx, TemplateData(name="Mẫu 100%", subject="báo cáo", body="Nội dung"), "cv")
    create_template(any_ctx, TemplateData(name="Mẫu chung", subject="báo cáo", body="Nội dung"), "cv")
    assert [t.name for t in list_templates(any_ctx, search="%")] == ["Mẫu 100%"]
    assert [t.name for t in list_templates(any_ctx, search="_")] == []
    assert list_templates(any_ctx, search="\x00") == []
    assert len(list_templates(any_ctx, search="")) == 2
    assert list_templates(any_ctx, search=THOUSAND) == []
