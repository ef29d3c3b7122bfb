"""The settings registry: every setting declared once (`options.py`) with section, name, type, default
(office settings: Vietnamese label, unit, range); reads and writes go through it.

    option(key) -> Option; options(section=None, store=None); default(key); check_section(section, values)
    UnknownSetting (reading a key nobody declared); stores OFFICE (database) and USER (QSettings)
The database store is `desktop.core.settings.office_store` (office_value, office_section, save_office_…);
the QSettings store is `ui.common.user_settings`. No Qt here, and importing this package is cheap.
"""
from desktop.core.settings import options as _declarations  # noqa: F401  (fills the registry)
from desktop.core.settings.registry import (
    OFFICE,
    USER,
    Option,
    UnknownSetting,
    check_section,
    default,
    option,
    options,
    sections,
)

__all__ = ["OFFICE", "USER", "Option", "UnknownSetting", "check_section", "default", "option", "options",
           "sections"]
