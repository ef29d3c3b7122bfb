"""Backups and restores in the GUI: Tệp ▸ Sao lưu ngay / Khôi phục… and the automatic backups.

Public modules: `actions` (registers both menu entries), `restore_dialog` (RestoreDialog: what the backup
holds beside the data now), `startup` (start_storage, the start-up hook "storage" listed in ui/sections.py:
AutoBackup and the network-share notice).
"""

PUBLIC = ("actions", "restore_dialog", "startup")
