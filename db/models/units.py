"""The recipient directory: units, their aliases, groups and emulation clusters/blocks."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamps
from db.types import NFCString, NFCText

# Kinds of unit. "district" is historical: since 7/2025 there are only provinces and communes,
# but documents from before still name districts, so the kind stays and nothing requires it.
UNIT_KINDS = (
    "central",  # cơ quan Trung ương
    "province",  # UBND/HĐND tỉnh, Tỉnh ủy
    "department",  # Sở, Ban, ngành cấp tỉnh
    "organisation",  # đoàn thể, hội
    "district",  # cấp huyện (historical, optional)
    "commune",  # cấp xã
    "enterprise",  # doanh nghiệp
    "media",  # báo, đài
    "internal",  # within the office (CT, PCT, CVP ...)
    "other",
)


_PERIOD = "{to} IS NULL OR {start} IS NULL OR {to} >= {start}"


class Unit(Timestamps, Base):
    """An organisation in the directory (đơn vị).

    `code` (mã) is stable: the key of the Excel round trip; db.listeners gives a new unit the next
    "DV0001"-style code when none is set. A unit active until `active_to` is deactivated
    (`active` is False) but stays, so old documents and tasks keep pointing at it.
    """

    __tablename__ = "units"
    __table_args__ = (
        CheckConstraint("kind IN (%s)" % ", ".join(f"'{k}'" for k in UNIT_KINDS), name="kind"),
        CheckConstraint(_PERIOD.format(to="active_to", start="active_from"), name="active_period"),
        UniqueConstraint("name"),
        UniqueConstraint("code"),
    )
    code_prefix = "DV"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), nullable=False)
    name: Mapped[str] = mapped_column(NFCString(250), nullable=False)
    short_name: Mapped[str | None] = mapped_column(NFCString(80))
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="department")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    email: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(60))
    contact_person: Mapped[str | None] = mapped_column(NFCString(160))
    address: Mapped[str | None] = mapped_column(NFCText)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    active_from: Mapped[date | None] = mapped_column(Date)
    active_to: Mapped[date | None] = mapped_column(Date)  # the last day; set when deactivated
    # Maintained by db.listeners: accent-folded code, name + aliases, Vietnamese sort key.
    search_folded: Mapped[str] = mapped_column(String(1000), default="", nullable=False)
    sort_key: Mapped[str] = mapped_column(String(600), default="", nullable=False, index=True)

    def search_parts(self) -> tuple:
        # The name first: lookups match the start of the search text (templates' recipient lines).
        return (self.name, self.short_name, *(a.alias for a in self.aliases), self.code)

    def sort_source(self) -> str:
        return self.name

    aliases: Mapped[list[UnitAlias]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class UnitAlias(Base):
    """Another name a document may use for a unit ("Sở KH&ĐT", "Sở Kế hoạch - Đầu tư")."""

    __tablename__ = "unit_aliases"
    __table_args__ = (UniqueConstraint("unit_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), nullable=False)
    alias: Mapped[str] = mapped_column(NFCString(250), nullable=False)


class UnitGroup(Timestamps, Base):
    """A named group of units ("Các Sở, Ban, ngành, đoàn thể cấp tỉnh") printed as one line."""

    __tablename__ = "unit_groups"
    __table_args__ = (UniqueConstraint("name"), UniqueConstraint("code"))
    code_prefix, code_width = "NH", 3

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), nullable=False)
    name: Mapped[str] = mapped_column(NFCString(250), nullable=False)
    description: Mapped[str | None] = mapped_column(NFCText)
    search_folded: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    sort_key: Mapped[str] = mapped_column(String(600), default="", nullable=False)

    def search_parts(self) -> tuple:
        return (self.name, self.code)

    def sort_source(self) -> str:
        return self.name


class UnitGroupMember(Base):
    """A unit's membership of a group from `valid_from` to `valid_to` (both inclusive; open when
    null), so a group expands as it was on a given day. A unit that left and came back has two
    rows; the services refuse overlapping periods. `position` is the printed order."""

    __tablename__ = "unit_group_members"
    __table_args__ = (CheckConstraint(_PERIOD.format(to="valid_to", start="valid_from"), name="period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("unit_groups.id", ondelete="CASCADE"), nullable=False, index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class EmulationCluster(Timestamps, Base):
    """Cụm thi đua (kind "cluster") or khối thi đua (kind "block")."""

    __tablename__ = "emulation_clusters"
    __table_args__ = (
        CheckConstraint("kind IN ('cluster', 'block')", name="kind"),
        UniqueConstraint("name", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NFCString(250), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="cluster")
    year: Mapped[int | None] = mapped_column(Integer)  # the emulation year; null = standing
    notes: Mapped[str | None] = mapped_column(NFCText)


class EmulationClusterMember(Base):
    """A member of a cluster; role "head" = cụm trưởng, "deputy" = cụm phó."""

    __tablename__ = "emulation_cluster_members"
    __table_args__ = (
        CheckConstraint("role IN ('head', 'deputy', 'member')", name="role"),
        UniqueConstraint("cluster_id", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(
        ForeignKey("emulation_clusters.id", ondelete="CASCADE"), nullable=False
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), nullable=False)
    role: Mapped[str] = mapped_column(String(10), nullable=False, default="member")
