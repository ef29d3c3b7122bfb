"""Task follow-up: deadlines, working days, task status, assignees."""
