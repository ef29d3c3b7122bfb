"""Where a database file lives: on a network share or on a local disk.

SQLite's WAL mode needs shared memory between the processes that open the file, which a network file
system (SMB/CIFS, NFS) does not give: a database on a share uses a rollback journal instead, and a
shared office is told to use PostgreSQL. Windows: a UNC path (\\\\server\\share) or a mapped drive
whose type is DRIVE_REMOTE. Linux: the file system type of the mount that holds the path.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FILE_SYSTEMS = frozenset({
    "cifs", "smb", "smbfs", "smb2", "smb3", "nfs", "nfs4", "afs", "9p", "ncpfs", "coda", "ceph", "glusterfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.cephfs", "davfs", "fuse.davfs2", "fuse.rclone", "lustre", "gpfs",
})
DRIVE_REMOTE = 4  # GetDriveTypeW


def is_network_path(path: str | os.PathLike) -> bool:
    """True when `path` (existing or not) is on a network share."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True  # UNC
    if sys.platform == "win32":
        return _windows_drive_type(text) == DRIVE_REMOTE
    return _mount_type(Path(text)) in NETWORK_FILE_SYSTEMS


def _windows_drive_type(text: str) -> int | None:
    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if not drive:
        return None
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\"))  # type: ignore[attr-defined]


def _mount_table() -> list[tuple[str, str]]:
    """(mount point, file system type) of every mount; empty where /proc/mounts does not exist."""
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            out.append((parts[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\"), parts[2]))
    return out


def _mount_type(path: Path) -> str | None:
    try:
        target = str(path.expanduser().resolve())
    except OSError:
        target = os.path.abspath(path)
    best, kind = "", None
    for point, fstype in _mount_table():
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    return kind
