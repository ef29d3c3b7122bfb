"""The server password in the OS keyring (Windows Credential Manager, Secret Service on Linux) where there is
one; never in a file. Without a usable keyring the program asks for it at each start."""
from __future__ import annotations

SERVICE = "TDKT Desk"


def _key(user: str, host: str, database: str) -> str:
    return f"{user}@{host}/{database}"


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:
        return False


def load_password(user: str, host: str, database: str) -> str | None:
    if not keyring_available():
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, _key(user, host, database))
    except Exception:
        return None


def store_password(user: str, host: str, database: str, password: str) -> bool:
    """True when the keyring kept it; False means it will be asked at each start."""
    if not keyring_available():
        return False
    import keyring

    try:
        keyring.set_password(SERVICE, _key(user, host, database), password)
        return True
    except Exception:
        return False
