"""Văn bản đến: the incoming-letter list, its editor (type, correct, delete, original file)."""
