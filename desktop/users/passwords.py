"""Passwords kept as a salted scrypt hash (hashlib.scrypt, the standard library's memory-hard KDF).

Stored as "scrypt$<n>$<r>$<p>$<salt, base64>$<key, base64>", so the cost can be raised later while old
hashes still verify. n=2**14, r=8, p=1 takes about 16 MB and a few tens of milliseconds per check.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import unicodedata

N, R, P, KEY_BYTES, SALT_BYTES = 2 ** 14, 8, 1, 32, 16
MIN_LENGTH = 6
MAX_LENGTH = 200


def password_problem(password: str) -> str | None:
    """Why `password` cannot be used (Vietnamese), or None."""
    if len(password) < MIN_LENGTH:
        return f"Mật khẩu cần ít nhất {MIN_LENGTH} ký tự."
    if len(password) > MAX_LENGTH:
        return f"Mật khẩu dài quá {MAX_LENGTH} ký tự."
    if password != password.strip():
        return "Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách."
    return None


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, N, R, P)
    return "$".join(["scrypt", str(N), str(R), str(P), _b64(salt), _b64(key)])


def verify_password(password: str, stored: str | None) -> bool:
    """True when `password` matches `stored`; False for anything else (no hash, a damaged one)."""
    try:
        scheme, n, r, p, salt, key = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        got = _derive(password, base64.b64decode(salt), int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int = KEY_BYTES) -> bytes:
    text = unicodedata.normalize("NFC", password)  # Vietnamese typed as NFD on one machine, NFC on another
    return hashlib.scrypt(text.encode("utf-8", "surrogatepass"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=length)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
