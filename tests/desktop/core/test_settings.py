"""The settings registry: every option declared once with a default of its type; unknown keys fail
loudly; office settings round-trip through the database (SQLite and PostgreSQL), audited."""
from __future__ import annotations

import json
from dataclasses import fields

import pytest
from sqlalchemy import select

from db.models import AuditEntry, Office, Setting
from desktop.core.settings import OFFICE, USER, UnknownSetting, default, option, options, sections
from desktop.core.settings.office_store import (
    office_overrides,
    office_section,
    office_value,
    read_office_value,
    save_office_section,
    save_office_value,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_ctx(request):
    """The empty migrated database on SQLite, then on PostgreSQL when TDKT_TEST_PG_URL is set."""
    return request.getfixturevalue("ctx" if request.param == "sqlite" else "pg_ctx")


@pytest.mark.parametrize("opt", options(), ids=lambda o: o.key)
def test_every_option_has_a_default_of_its_type(opt):
    if opt.type is tuple:
        assert isinstance(opt.default, tuple) and len(opt.default) == 2
        assert all(type(v) is float for v in opt.default)
    else:
        assert type(opt.default) is opt.type, f"{opt.key}: {opt.default!r} is not a {opt.type.__name__}"
    assert opt.check(opt.default) == opt.default
    if opt.range:
        assert opt.low <= opt.default <= opt.high
    if opt.store == OFFICE:
        assert opt.label.strip(), f"{opt.key} has no Vietnamese label"


def test_each_key_is_declared_once_and_both_stores_are_there():
    keys = [o.key for o in options()]
    assert len(keys) == len(set(keys))
    assert {"letter_layout", "office", "documents", "followup"} <= set(sections(OFFICE))
    assert {"main", "import"} <= set(sections(USER))
    assert default("followup/soon_days") == 7 and default("documents/archive_line") == "Lưu: VT"


def test_a_second_declaration_or_a_default_of_the_wrong_type_is_refused():
    from desktop.core.settings.registry import declare

    with pytest.raises(ValueError, match="declared twice"):
        declare("followup", "soon_days", int, 7, label="x")
    with pytest.raises(ValueError, match="not of its type"):
        declare("test", "wrong", int, 7.0, label="x")
    with pytest.raises(ValueError, match="Vietnamese label"):
        declare("test", "unlabelled", int, 7)


def test_reading_an_unknown_key_fails_loudly(ctx):
    with pytest.raises(UnknownSetting, match="nope/missing"):
        option("nope/missing")
    with ctx.session() as session:
        with pytest.raises(UnknownSetting):
            office_value(session, "followup/soon_dayz")
        with pytest.raises(UnknownSetting, match="user store"):
            office_value(session, "main/geometry")  # a per-user setting is not in the database
        with pytest.raises(UnknownSetting):
            office_section(session, "nope")


def test_letter_settings_are_exactly_the_letter_layout_section():
    from desktop.letters.layout import LetterSettings

    declared = {o.name: o.default for o in options("letter_layout")}
    assert {f.name: f.default for f in fields(LetterSettings)} == declared


def test_an_office_setting_round_trips_audited(any_ctx):
    ctx = any_ctx
    assert read_office_value(ctx, "followup/soon_days") == 7  # nothing stored: the default
    changes = save_office_value(ctx, "followup/soon_days", 14, "vt")
    assert changes.office
    assert read_office_value(ctx, "followup/soon_days") == 14
    with ctx.session() as session:
        assert json.loads(session.get(Setting, "followup").value) == {"soon_days": 14}
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (entry.user, entry.entity) == ("vt", "settings")
        assert json.loads(entry.details) == {"key": "followup", "before": {}, "after": {"soon_days": 14}}
    save_office_value(ctx, "followup/soon_days", 7, "vt")  # back to the default: nothing kept
    with ctx.session() as session:
        assert office_overrides(session, "followup") == {}


def test_a_bad_value_is_refused_in_vietnamese_and_nothing_is_written(ctx):
    save_office_value(ctx, "followup/soon_days", 10, "vt")
    with pytest.raises(ValueError, match=r"followup.soon_days: 0 nằm ngoài khoảng cho phép \(1–60\)"):
        save_office_value(ctx, "followup/soon_days", 0, "vt")
    with pytest.raises(ValueError, match="phải là số nguyên"):
        save_office_value(ctx, "followup/soon_days", "10", "vt")
    with pytest.raises(ValueError, match="không có thông số 'soon'"):
        save_office_section(ctx, "followup", {"soon": 3}, "vt")
    assert read_office_value(ctx, "followup/soon_days") == 10


def test_the_office_profile_section_is_the_offices_row(ctx):
    from desktop.documents.profile import office_profile

    with ctx.session() as session:
        assert office_profile(session) is None  # the office has not named itself yet
    save_office_section(ctx, "office", {"name": "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", "abbreviation": "UBND",
                                        "place": "Đắk Nông"}, "vt")
    with ctx.session() as session:
        office = session.scalars(select(Office)).one()
        assert (office.name, office.parent_name, office.place) == ("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", None, "Đắk Nông")
        assert office_profile(session).abbreviation == "UBND"
    save_office_value(ctx, "office/parent_name", "BỘ NỘI VỤ", "vt")
    with ctx.session() as session:
        assert office_section(session, "office")["parent_name"] == "BỘ NỘI VỤ"
        assert session.scalars(select(Office)).one().name == "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG"  # kept


def test_a_broken_settings_row_is_one_clear_message(ctx):
    with ctx.write_session() as session:
        session.add(Setting(key="followup", value="[7]"))
        session.commit()
    with pytest.raises(ValueError, match=r"followup: phải là một đối tượng JSON"):
        read_office_value(ctx, "followup/soon_days")


def test_the_settings_page_names_every_setting_outside_the_letter_layout():
    from tests.conftest import REPO

    page = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [o.key for o in options() if o.section != "letter_layout" and f"`{o.key}`" not in page]
    assert not missing, f"docs/settings.md does not name {missing}"
