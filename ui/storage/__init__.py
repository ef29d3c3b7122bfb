"""Backups and restores in the GUI: Tệp ▸ Sao lưu ngay / Khôi phục… and the automatic backups.

Public modules: `actions` (registers both menu entries and the start-up hook "storage"), `restore_dialog`
(RestoreDialog: what the backup holds beside the data now), `startup` (AutoBackup, the network-share notice).
"""

PUBLIC = ("actions", "restore_dialog", "startup")
