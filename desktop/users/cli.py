"""`python -m desktop users ...` and `python -m desktop audit ...`: the office's users and the audit log.

    users list     [--json]
    users add      NAME --role ROLE [--role ROLE ...] [--full-name TEXT]
    users password NAME
    users set      NAME [--role ROLE ...] [--full-name TEXT] [--lock | --unlock]
    audit          [--who NAME] [--from dd/mm/yyyy] [--to dd/mm/yyyy] [--document TEXT] [--xlsx FILE]

ROLE is chuyen_vien, van_thu, lanh_dao or quan_tri (the Vietnamese name, with or without accents, too).
A new password is typed twice on the terminal, or taken from TDKT_NEW_PASSWORD. Changing users needs
the quản trị role (in a shared office: --user NAME of a quản trị, see desktop/core/commands.py).
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys


def register(sub, common) -> None:
    p = sub.add_parser("users", parents=[common], help="người dùng và vai trò: xem, thêm, đặt mật khẩu, khóa")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="danh sách người dùng")
    listing.add_argument("--json", action="store_true", help="in dạng JSON")
    listing.set_defaults(run=run_list)
    add = actions.add_parser("add", parents=[common], help="thêm người dùng (mật khẩu hỏi hai lần)")
    add.add_argument("name", help="tên đăng nhập")
    add.add_argument("--role", action="append", required=True, metavar="ROLE", help="vai trò (nhắc lại được)")
    add.add_argument("--full-name", default="", help="họ và tên")
    add.set_defaults(run=run_add)
    password = actions.add_parser("password", parents=[common], help="đặt mật khẩu mới cho người dùng")
    password.add_argument("name")
    password.set_defaults(run=run_password)
    change = actions.add_parser("set", parents=[common], help="đổi vai trò, họ tên; khóa hoặc mở khóa")
    change.add_argument("name")
    change.add_argument("--role", action="append", metavar="ROLE", help="vai trò mới (thay cả danh sách)")
    change.add_argument("--full-name", default=None)
    state = change.add_mutually_exclusive_group()
    state.add_argument("--lock", action="store_true", help="khóa: không đăng nhập được nữa")
    state.add_argument("--unlock", action="store_true", help="mở khóa")
    change.set_defaults(run=run_set)

    a = sub.add_parser("audit", parents=[common], help="nhật ký thao tác: ai làm gì, khi nào (giờ địa phương)")
    a.add_argument("--who", default=None, metavar="NAME", help="chỉ thao tác của người dùng này")
    a.add_argument("--from", dest="start", default=None, metavar="dd/mm/yyyy", help="từ ngày")
    a.add_argument("--to", dest="end", default=None, metavar="dd/mm/yyyy", help="đến ngày")
    a.add_argument("--document", default="", metavar="TEXT", help="văn bản: số, ký hiệu hoặc trích yếu")
    a.add_argument("--xlsx", default=None, metavar="FILE", help="xuất ra tệp .xlsx thay vì in")
    a.set_defaults(run=run_audit)


def role_codes(words: list[str]) -> tuple[str, ...]:
    from desktop.core.commands import CliError
    from desktop.core.text import fold
    from desktop.core.vocabulary import ROLE_LABELS

    known = {code: code for code in ROLE_LABELS} | {fold(text).replace(" ", "_"): code
                                                     for code, text in ROLE_LABELS.items()}
    out = []
    for word in words:
        code = known.get(fold(word).strip().replace(" ", "_"))
        if code is None:
            raise CliError(f"vai trò «{word}» không có; dùng {', '.join(ROLE_LABELS)}")
        out.append(code)
    return tuple(dict.fromkeys(out))


def new_password(name: str) -> str:
    from desktop.core.commands import CliError

    env = os.environ.get("TDKT_NEW_PASSWORD")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise CliError("cần mật khẩu mới: chạy lệnh ở cửa sổ dòng lệnh để nhập, hoặc đặt TDKT_NEW_PASSWORD")
    first = getpass.getpass(f"Mật khẩu mới của {name}: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise CliError("hai lần nhập mật khẩu không giống nhau")
    return first


def _find(ctx, name: str):
    from desktop.core.commands import CliError
    from desktop.users.service import list_users

    found = next((u for u in list_users(ctx) if u.name.casefold() == name.casefold()), None)
    if found is None:
        raise CliError(f"không có người dùng «{name}»")
    return found


def perform(call):
    """A write through the one write door (desktop/core/writes.py)."""
    from desktop.core.writes import perform as door

    return door(call)


def _run(args, fn) -> int:
    from desktop.core.commands import CliError, open_db
    from desktop.core.access import PermissionDenied

    ctx = open_db(args)
    try:
        return fn(ctx) or 0
    except PermissionDenied as exc:  # a refused change, a wrong field: one line, exit 2
        raise CliError(str(exc)) from None
    finally:
        ctx.close()


def run_list(args: argparse.Namespace) -> int:
    from desktop.users.service import list_users

    def show(ctx):
        users = list_users(ctx)
        if args.json:
            print(json.dumps([{"name": u.name, "full_name": u.full_name, "roles": list(u.roles), "active": u.active}
                              for u in users], ensure_ascii=False, indent=2))
            return 0
        if not users:
            print(f"Chưa có người dùng: cơ quan làm việc không cần đăng nhập (người thực hiện: {ctx.user}).")
        for u in users:
            print(f"{u.name}\t{u.full_name}\t{u.role_text}\t{'đang dùng' if u.active else 'đã khóa'}")
        return 0
    return _run(args, show)


def run_add(args: argparse.Namespace) -> int:
    from desktop.users.service import UserInput, add_user

    roles = role_codes(args.role)

    def add(ctx):
        password = new_password(args.name)
        perform(lambda: add_user(ctx, UserInput(args.name, args.full_name, roles), password, ctx.user))
        print(f"Đã thêm người dùng {args.name}.")
    return _run(args, _wrap_user_error(add))


def run_password(args: argparse.Namespace) -> int:
    from desktop.users.service import set_password

    def change(ctx):
        found = _find(ctx, args.name)
        password = new_password(found.name)
        perform(lambda: set_password(ctx, found.id, password, ctx.user))
        print(f"Đã đặt mật khẩu mới cho {found.name}.")
    return _run(args, _wrap_user_error(change))


def run_set(args: argparse.Namespace) -> int:
    from desktop.users.service import UserInput, update_user

    roles = role_codes(args.role) if args.role else None

    def change(ctx):
        found = _find(ctx, args.name)
        data = UserInput(found.name, found.full_name if args.full_name is None else args.full_name,
                         roles if roles is not None else found.roles,
                         False if args.lock else True if args.unlock else found.active)
        perform(lambda: update_user(ctx, found.id, data, ctx.user))
        print(f"Đã cập nhật người dùng {found.name}.")
    return _run(args, _wrap_user_error(change))


def _wrap_user_error(fn):
    def inner(ctx):
        from desktop.core.commands import CliError
        from desktop.users.service import UserError

        try:
            return fn(ctx)
        except UserError as exc:
            raise CliError(str(exc)) from None
    return inner


def run_audit(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.core.commands import CliError
    from desktop.core.vocabulary import read_date
    from desktop.users.audit_log import AuditQuery, audit_rows

    days = []
    for raw in (args.start, args.end):
        day = read_date(raw) if raw else None
        if raw and day is None:
            raise CliError(f"ngày «{raw}» không đúng dạng dd/mm/yyyy")
        days.append(day)
    query = AuditQuery(user=args.who, start=days[0], end=days[1])
    target = Path(args.xlsx) if args.xlsx else None
    if target is not None and target.suffix.lower() != ".xlsx":
        raise CliError(f"tệp xuất cần đuôi .xlsx: {target}")

    def show(ctx):
        if target is not None:
            from desktop.reports.output import ExportError
            from desktop.users.audit_log import export_audit

            try:
                export_audit(ctx, target, query, args.document)
            except ExportError as exc:
                raise CliError(str(exc)) from None
            print(f"Đã xuất nhật ký vào {target}.")
            return 0
        for _when, texts in audit_rows(ctx, query, args.document):
            print("\t".join(texts))
        return 0
    return _run(args, show)
