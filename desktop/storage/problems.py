"""Storage failures as one Vietnamese sentence that says what happened and what to do.

`storage_failure(exc)` looks through an exception and its causes for what the operating system, SQLite
or PostgreSQL reported and answers a `StorageFailure` (a StorageError: one line on stderr in the CLI,
one message box in the GUI) of one kind: read_only, locked, disk_full, file_gone, share_lost,
server_down, corrupt, io; or None when the failure is not about storage. `user_facing(exc)` is what
the GUI and the CLI show: that failure, a plain "Lỗi cơ sở dữ liệu" for any other database error, or
the exception itself. A message never holds SQL, parameters or document text.
"""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from db.location import is_network_path
from db.migrate import StorageError

DB = "cơ sở dữ liệu"

_ERRNO = {
    errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full", errno.EFBIG: "disk_full",
    errno.EROFS: "read_only", errno.EACCES: "read_only", errno.EPERM: "read_only",
    errno.ENOENT: "file_gone", errno.ENOTDIR: "file_gone", errno.ENXIO: "file_gone",
    errno.ENETDOWN: "share_lost", errno.ENETUNREACH: "share_lost", errno.ENETRESET: "share_lost",
    errno.ECONNRESET: "share_lost", errno.ECONNABORTED: "share_lost", errno.EHOSTDOWN: "share_lost",
    errno.EHOSTUNREACH: "share_lost", errno.ESTALE: "share_lost", errno.ETIMEDOUT: "share_lost",
    errno.EIO: "io", errno.EBUSY: "locked", errno.ECONNREFUSED: "server_down",
}
_WINERROR = {
    5: "read_only", 19: "read_only",  # access denied, write-protected
    2: "file_gone", 3: "file_gone", 15: "file_gone", 21: "file_gone",  # file, path, drive gone; not ready
    32: "locked", 33: "locked",  # sharing / lock violation
    39: "disk_full", 112: "disk_full",
    51: "share_lost", 53: "share_lost", 59: "share_lost", 64: "share_lost", 67: "share_lost",
    1231: "share_lost", 1232: "share_lost",
}
_SQLITE = {  # primary result codes
    3: "read_only", 8: "read_only", 23: "read_only",  # PERM, READONLY, AUTH
    5: "locked", 6: "locked", 15: "locked",  # BUSY, LOCKED, PROTOCOL
    13: "disk_full",
    14: "file_gone",  # CANTOPEN
    11: "corrupt", 26: "corrupt",  # CORRUPT, NOTADB
    10: "io",
}
_SQLITE_WORDS = (("readonly", "read_only"), ("locked", "locked"), ("disk is full", "disk_full"),
                 ("unable to open", "file_gone"), ("malformed", "corrupt"), ("not a database", "corrupt"),
                 ("disk i/o", "io"))
_PG_STATES = {"53100": "disk_full", "25006": "read_only", "55P03": "locked", "57P01": "server_down",
              "57P02": "server_down", "57P03": "server_down", "53300": "server_down"}


class StorageFailure(StorageError):
    """A storage failure said for the clerk; `kind` names it for tests and for what the GUI offers."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def message(kind: str, target: str = DB) -> str:
    on_db = target == DB
    texts = {
        "read_only": f"Không ghi được vào {target}: chỉ được phép đọc (tệp chỉ đọc, thư mục không có quyền "
                     "ghi hoặc ổ đĩa bị khoá ghi). Hãy bỏ thuộc tính «Chỉ đọc» hoặc chép sang thư mục "
                     "có quyền ghi, rồi thử lại.",
        "locked": f"{target[0].upper() + target[1:]} đang bị máy hoặc chương trình khác giữ quá lâu. Hãy đợi "
                  "một lát rồi thử lại; nếu vẫn vậy, đóng TĐKT Desk ở các máy khác.",
        "disk_full": f"Ổ đĩa đã đầy nên chưa ghi được {target}. Hãy giải phóng dung lượng (xoá tệp không "
                     "cần, dọn Thùng rác) rồi thử lại.",
        "file_gone": f"Không còn tìm thấy {target} (đã bị xoá, đổi tên hoặc ổ đĩa đã bị rút ra). "
                     + ("Hãy cắm lại ổ đĩa, hoặc khôi phục từ bản sao lưu (Tệp ▸ Khôi phục…)." if on_db
                        else "Hãy kiểm tra lại đường dẫn."),
        "share_lost": f"Mất kết nối tới ổ mạng chứa {target}. Hãy kiểm tra mạng và ổ mạng dùng chung rồi "
                      "thử lại.",
        "server_down": "Không kết nối được máy chủ cơ sở dữ liệu PostgreSQL. Hãy kiểm tra mạng hoặc báo người "
                       "quản trị máy chủ, rồi thử lại.",
        "corrupt": f"{target[0].upper() + target[1:]} bị hỏng, không đọc được. Hãy khôi phục từ bản sao lưu "
                   "gần nhất (Tệp ▸ Khôi phục…).",
        "io": f"Lỗi đọc/ghi ổ đĩa khi dùng {target}. Hãy kiểm tra ổ đĩa (hoặc ổ mạng) rồi thử lại.",
    }
    return texts[kind]


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        orig = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
        if isinstance(orig, BaseException) and id(orig) not in seen:
            yield orig
            seen.add(id(orig))
        # `raise X from None` means X says it all: its context is not looked into
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)


def _sqlite_kind(exc: sqlite3.Error) -> str | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE:
        return _SQLITE[code & 0xFF]
    text = str(exc).lower()
    return next((kind for words, kind in _SQLITE_WORDS if words in text), None)


def _os_kind(exc: OSError) -> str | None:
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINERROR:
        return _WINERROR[winerror]
    return _ERRNO.get(exc.errno)


def _pg_kind(exc: BaseException) -> str | None:
    module = type(exc).__module__ or ""
    if not module.startswith(("psycopg", "psycopg2")):
        return None
    state = getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None)
    if state in _PG_STATES:
        return _PG_STATES[state]
    if state is None or str(state).startswith("08"):
        name = type(exc).__name__
        if name in ("OperationalError", "InterfaceError") or str(state or "").startswith("08"):
            return "server_down"
    return None


LOW_SPACE = 1 << 20  # an I/O error with less free space than this is a full disk


def _refine(kind: str, db_path: Path | None) -> str:
    """An I/O error or a vanished file on a share is the share going away; an I/O error on a disk with
    next to no free space (SQLite cannot grow its WAL index) is a full disk."""
    if kind in ("io", "file_gone") and db_path is not None and is_network_path(db_path):
        return "share_lost"
    if kind == "file_gone" and db_path is not None and db_path.exists() and not _writable(db_path):
        return "read_only"  # there, but SQLite may not create its journal beside it
    if kind == "io" and db_path is not None:
        if not db_path.exists():
            return "file_gone"
        try:
            if shutil.disk_usage(db_path.parent).free < LOW_SPACE:
                return "disk_full"
        except OSError:
            pass
    return kind


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def storage_failure(exc: BaseException, db_path: Path | None = None) -> StorageFailure | None:
    """The storage failure behind `exc` (None when it is not one). `db_path` is the SQLite file in use."""
    if isinstance(exc, StorageFailure):
        return exc
    for item in _chain(exc):
        if isinstance(item, sqlite3.Error):
            kind = _sqlite_kind(item)
            if kind:
                kind = _refine(kind, db_path)
                return StorageFailure(kind, message(kind))
        elif isinstance(item, OSError):
            kind = _os_kind(item)
            if kind:
                filename = getattr(item, "filename", None)
                is_db = filename is not None and db_path is not None and Path(filename) == db_path
                target = DB if (filename is None or is_db) else f"tệp «{Path(str(filename)).name}»"
                if filename is not None and kind in ("io", "file_gone") and is_network_path(filename):
                    kind = "share_lost"
                return StorageFailure(kind, message(kind, target))
        else:
            kind = _pg_kind(item)
            if kind:
                return StorageFailure(kind, message(kind))
    return None


class DatabaseFailure(StorageError):
    """Any other database error, said without its SQL."""


def user_facing(exc: BaseException, db_path: Path | None = None) -> BaseException:
    """What to show for `exc`: a StorageFailure, a plain database error, or `exc` itself."""
    failure = storage_failure(exc, db_path)
    if failure is not None:
        return failure
    from sqlalchemy.exc import DBAPIError, StatementError

    if isinstance(exc, (DBAPIError, StatementError, sqlite3.Error)):
        orig = getattr(exc, "orig", exc)
        return DatabaseFailure(f"Lỗi cơ sở dữ liệu ({type(orig).__name__}). Hãy thử lại; nếu lỗi lặp lại, "
                               "báo người quản trị và gửi kèm tệp nhật ký.")
    return exc
