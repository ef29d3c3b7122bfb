"""Phong trào thi đua: the movement register section, with its add / edit form.

Public modules: `section`. Inside only: `editor`.
"""

PUBLIC = ("section",)
