"""Errors the document services raise: each carries one Vietnamese message for the user."""
from __future__ import annotations


NO_REGISTER = "Chưa chọn sổ đăng ký: văn bản lấy số từ sổ này khi ban hành."
# A signed document is locked: the way back to its fields is "Trả lại dự thảo".
NO_REGISTER_SIGNED = ("Văn bản chưa có sổ đăng ký nên chưa lấy được số. "
                      "Hãy «Trả lại dự thảo», chọn sổ rồi trình ký lại.")


class DocumentError(ValueError):
    """A refused operation on a document or a register (the message is for the user)."""


class ValidationFailed(DocumentError):
    """Field-level problems: `errors` maps a field name ("subject", "recipients" ...) to its message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        lines = "; ".join(self.errors.values())
        super().__init__(f"Văn bản chưa hợp lệ: {lines}")


class StaleVersion(DocumentError):
    """Optimistic lock: someone saved the document after this editor loaded it."""

    def __init__(self) -> None:
        super().__init__(
            "Văn bản đã được người khác sửa sau khi anh/chị mở nó. "
            "Hãy mở lại văn bản để xem bản mới nhất trước khi lưu."
        )


class ReadOnlyDocument(DocumentError):
    """The document is signed or issued (or cancelled) and can no longer be edited."""


class NotFound(DocumentError, LookupError):
    """No row with the given id."""
