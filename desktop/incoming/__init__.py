"""Incoming letters (văn bản đến) as records: one service to create, edit, delete, attach and link."""
