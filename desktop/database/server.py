"""A PostgreSQL server as the office's shared database: its URL and a connection check in Vietnamese."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str

    def problem(self) -> str | None:
        """Why these fields cannot name a server (Vietnamese), or None."""
        if not self.host.strip():
            return "Cần nhập địa chỉ máy chủ."
        if not 1 <= self.port <= 65535:
            return "Cổng phải là số từ 1 đến 65535."
        if not self.database.strip():
            return "Cần nhập tên cơ sở dữ liệu."
        if not self.user.strip():
            return "Cần nhập tên người dùng."
        return None


def server_url(address: ServerAddress, password: str | None) -> str:
    """The SQLAlchemy URL (psycopg 3); every part quoted, so any password works."""
    from sqlalchemy.engine import URL

    return URL.create("postgresql+psycopg", username=address.user.strip(), password=password or None,
                      host=address.host.strip(), port=address.port, database=address.database.strip(),
                      ).render_as_string(hide_password=False)


def connection_message(exc: BaseException) -> str:
    """One Vietnamese sentence for a failed connection, saying what to check (never the SQL or the URL)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return "Sai mật khẩu hoặc tên người dùng: máy chủ từ chối đăng nhập. Kiểm tra lại rồi thử lần nữa."
    if "does not exist" in text and "database" in text:
        return "Máy chủ không có cơ sở dữ liệu này. Nhờ người quản trị tạo cơ sở dữ liệu (xem hướng dẫn trong README)."
    if "role" in text and "does not exist" in text:
        return "Máy chủ không có người dùng này. Nhờ người quản trị tạo người dùng (xem hướng dẫn trong README)."
    if "no pg_hba.conf entry" in text:
        return "Máy chủ chưa cho phép máy này kết nối (pg_hba.conf). Nhờ người quản trị cho phép địa chỉ của máy."
    if "could not translate host name" in text or "name or service not known" in text:
        return "Không tìm thấy máy chủ theo địa chỉ đã nhập. Kiểm tra lại địa chỉ."
    if "timeout" in text or "timed out" in text:
        return "Máy chủ không trả lời (hết thời gian chờ). Kiểm tra mạng nội bộ và địa chỉ máy chủ."
    if "connection refused" in text or "could not connect" in text or "connection failed" in text:
        return "Không kết nối được máy chủ: máy chủ chưa chạy, sai cổng, hoặc tường lửa chặn. Kiểm tra rồi thử lại."
    return "Không kết nối được máy chủ PostgreSQL. Kiểm tra địa chỉ, cổng, tên cơ sở dữ liệu và mật khẩu."


def check_server(url: str) -> str | None:
    """Connect once (5 s at most); None when the server answers, otherwise the Vietnamese reason."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, connect_args={"connect_timeout": 5}, pool_pre_ping=False)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except Exception as exc:  # every driver failure becomes one sentence
        return connection_message(exc)
    finally:
        engine.dispose()
