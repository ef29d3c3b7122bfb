"""Every form validator, with anything a form can send: the draft (Soạn văn bản), a unit, a group and its
members, a cluster, a movement, a task, a user and a password, the office settings, the dispatch JSON.
Each gives its messages or its one documented error (a ValueError with words for the clerk); nothing else
escapes, and nothing is written."""
from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.dispatch import Dispatch, DispatchFormatError
from desktop.core.settings import check_section, options, sections
from desktop.documents.inputs import DraftInput, RecipientInput
from desktop.documents.store import hard_errors
from desktop.documents.validation import check, symbol_problem
from desktop.followup.tasks import TaskError, TaskInput, _check_refs
from desktop.movements.service import MovementError, MovementInput, _check
from desktop.recipients.clusters import ClusterInput, ClusterMemberInput, check_cluster
from desktop.recipients.directory import DirectoryError, UnitInput, check_unit
from desktop.recipients.group_edit import GroupInput, MembershipInput, check_group
from desktop.users.passwords import password_problem
from desktop.users.service import UserInput, check_input
from tests.fuzz import fuzz, readable

IDS = st.none() | st.integers(min_value=-5, max_value=200) | st.integers(min_value=-2**63, max_value=2**63 - 1)
TEXT = st.text(max_size=40) | st.sampled_from(["", " ", "UBND-NC", "V/v thử", "[[Chưa điền: x]]", "Sở Y tế",
                                               "a" * 300, "UBND--NC", "-TĐKT", "Ủy ban nhân dân tỉnh"])
OPTIONAL = st.none() | TEXT
DATES = st.none() | st.dates(min_value=date(1, 1, 1))
SMALL_INTS = st.integers(min_value=-10**6, max_value=10**6)


@pytest.fixture(scope="module")
def office(_demo_db_template, tmp_path_factory):
    """The demo office (units, groups, registers, signers), its session rolled back after each case."""
    from db.engine import sqlite_url
    from desktop.core.context import open_context

    path = tmp_path_factory.mktemp("fuzzforms") / "demo.sqlite3"
    shutil.copy(_demo_db_template, path)
    ctx = open_context(sqlite_url(path))
    yield ctx
    ctx.close()


def _refused(fn, errors) -> None:
    try:
        fn()
    except errors as exc:
        readable(exc)


LINES = st.lists(st.builds(RecipientInput, TEXT, IDS, IDS, OPTIONAL), max_size=4)
DRAFTS = st.builds(
    DraftInput, doc_type=TEXT, register_id=IDS, symbol=OPTIONAL, drafting_unit_id=IDS, place=OPTIONAL, date=DATES,
    subject=TEXT, urgency=st.none() | st.sampled_from(["khan", "thuong_khan", "hoa_toc", "gấp", ""]), body=TEXT,
    recipients=LINES, distribution=LINES, signer_id=IDS, copies=SMALL_INTS, file_copies=st.none() | SMALL_INTS,
    drafter=OPTIONAL, drafter_initials=OPTIONAL, template_id=IDS, issuer_name=OPTIONAL, issuer_parent=OPTIONAL)


@fuzz("form_draft")
@given(data=DRAFTS, for_issue=st.booleans(), on=DATES)
def test_the_draft_form(office, data, for_issue, on):
    with office.session() as session:
        errors = check(session, data, for_issue=for_issue, on=on)
        errors.update(hard_errors(session, data))
    assert all(isinstance(v, str) and v.strip() for v in errors.values())
    problem = symbol_problem(data.symbol or "")
    assert problem is None or problem.strip()


UNITS = st.builds(UnitInput, name=TEXT, code=OPTIONAL, short_name=OPTIONAL, aliases=st.lists(TEXT, max_size=3),
                  kind=st.sampled_from(["department", "commune", "province", "xyz", ""]), parent_id=IDS,
                  address=OPTIONAL, email=OPTIONAL | st.emails(), phone=OPTIONAL, contact_person=OPTIONAL,
                  active_from=DATES, active_to=DATES)


@fuzz("form_unit")
@given(data=UNITS, except_id=IDS)
def test_the_unit_form(office, data, except_id):
    with office.session() as session:
        _refused(lambda: check_unit(session, data, except_id), DirectoryError)


@fuzz("form_group_cluster")
@given(group=st.builds(GroupInput, name=TEXT, code=OPTIONAL, description=OPTIONAL,
                       members=st.lists(st.builds(MembershipInput, st.integers(-5, 120), DATES, DATES), max_size=4)),
       cluster=st.builds(ClusterInput, year=SMALL_INTS, name=TEXT, kind=st.sampled_from(["cluster", "block", "x"]),
                         notes=OPTIONAL, members=st.lists(st.builds(ClusterMemberInput, st.integers(-5, 120),
                                                                    st.sampled_from(["head", "deputy", "member", "?"])),
                                                          max_size=4)),
       except_id=IDS)
def test_the_group_and_cluster_forms(office, group, cluster, except_id):
    with office.session() as session:
        _refused(lambda: check_group(session, group, except_id), DirectoryError)
        _refused(lambda: check_cluster(session, cluster, except_id), DirectoryError)


@fuzz("form_movement_task")
@given(movement=st.builds(MovementInput, name=TEXT, period_start=st.none() | SMALL_INTS,
                          period_end=st.none() | SMALL_INTS, launching_outgoing_id=IDS, launching_reference=OPTIONAL,
                          monitoring_unit_id=IDS, interim_review_date=DATES, final_review_date=DATES,
                          active=st.booleans(), notes=OPTIONAL),
       task=st.builds(TaskInput, title=TEXT, outgoing_id=IDS, incoming_id=IDS, item_label=OPTIONAL, unit_id=IDS,
                      assignee_text=OPTIONAL, role=st.sampled_from(["lead", "support", "x"]), movement_id=IDS,
                      deadline=DATES, deadline_text=OPTIONAL, recurrence=OPTIONAL, notes=OPTIONAL),
       except_id=IDS)
def test_the_movement_and_task_forms(office, movement, task, except_id):
    with office.session() as session:
        _refused(lambda: _check(session, movement, except_id), MovementError)
        _refused(lambda: _check_refs(session, task), TaskError)


@fuzz("form_user")
@given(data=st.builds(UserInput, name=TEXT, full_name=TEXT,
                      roles=st.lists(st.sampled_from(["chuyen_vien", "van_thu", "lanh_dao", "quan_tri", "admin", ""]),
                                     max_size=5).map(tuple), active=st.booleans()),
       new=st.booleans(), password=st.text(max_size=250))
def test_the_user_form(data, new, password):
    errors = check_input(data, new=new)
    assert all(isinstance(v, str) and v.strip() for v in errors.values())
    problem = password_problem(password)
    assert problem is None or problem.strip()


VALUES = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | st.binary(max_size=4) | \
    st.lists(st.integers() | st.floats(), max_size=3) | st.tuples(st.floats(), st.floats())


@fuzz("form_settings")
@given(section=st.sampled_from(sections()), values=st.dictionaries(
    st.sampled_from([o.name for o in options()]) | st.text(max_size=6), VALUES, max_size=4))
def test_the_settings_forms(section, values):
    _refused(lambda: check_section(section, values), ValueError)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12)
KEYS = st.sampled_from(["issuer", "number", "symbol", "date", "place", "subject", "recipients", "body", "signer",
                        "distribution", "urgency", "doc_type", "tasks", "references", "parent", "name", "title_lines"])
DISPATCHES = st.dictionaries(KEYS, JSON, max_size=8) | JSON


@fuzz("form_dispatch_json")
@given(data=DISPATCHES, raw=st.text(max_size=30))
def test_the_dispatch_json(data, raw):
    for text in (json.dumps(data, ensure_ascii=False), raw):
        try:
            dispatch = Dispatch.from_json(text)
        except DispatchFormatError as exc:
            readable(exc)
        else:
            dispatch.to_json_dict()
