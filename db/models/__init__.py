"""All models, imported so that `Base.metadata` knows every table."""
from db.base import Base
from db.models.audit import AuditEntry
from db.models.documents import (
    DOCUMENT_STATUSES,
    SECRECY_LEVELS,
    URGENCIES,
    DocumentReference,
    IncomingDocument,
    OutgoingDocument,
)
from db.models.movements import Movement, MovementDocument
from db.models.office import DraftingUnit, Office, Setting, Signer
from db.models.recipients import DocumentRecipient
from db.models.registers import Register, RegisterEntry
from db.models.tasks import TASK_STATUSES, CalendarDay, Task, TaskChase
from db.models.tracking import CHANNELS, RecipientTracking
from db.models.templates import DraftAutosave, Template
from db.models.units import (
    UNIT_KINDS,
    EmulationCluster,
    EmulationClusterMember,
    Unit,
    UnitAlias,
    UnitGroup,
    UnitGroupMember,
)
from db import listeners as _listeners  # noqa: F401  (registers the search/sort-key hooks)

__all__ = [
    "Base", "AuditEntry", "DocumentReference", "IncomingDocument", "OutgoingDocument",
    "Movement", "MovementDocument", "DraftingUnit", "Office", "Setting", "Signer",
    "DocumentRecipient", "RecipientTracking", "CHANNELS", "Register", "RegisterEntry", "CalendarDay", "Task", "TaskChase",
    "DraftAutosave", "Template", "EmulationCluster", "EmulationClusterMember", "Unit",
    "UnitAlias", "UnitGroup", "UnitGroupMember", "DOCUMENT_STATUSES", "SECRECY_LEVELS",
    "URGENCIES", "TASK_STATUSES", "UNIT_KINDS",
]
