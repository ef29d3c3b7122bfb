"""The incoming-letter editor's text fields as values: cited documents one per line, Kính gửi /
Nơi nhận lines, and what the letter's links say ("Trả lời Công văn số …")."""
from __future__ import annotations

from desktop.core.dispatch import Reference
from desktop.core.vocabulary import short_date
from desktop.incoming.inputs import LoadedIncoming
from desktop.incoming.lines import reference_text

__all__ = ["references_from_text", "references_to_text", "lines_from_text", "link_notes"]


def references_from_text(text: str) -> list[Reference]:
    """"Công văn số 812/UBND-NC ngày 02/3/2026" per line (any wording the importer reads)."""
    from desktop.importing.references import find_references

    return find_references([line for line in (text or "").splitlines() if line.strip()])


def references_to_text(refs: list[Reference]) -> str:
    return "\n".join(reference_text(r) + (f" ngày {short_date(r.date)}" if r.date else "") for r in refs)


def lines_from_text(text: str) -> list[str]:
    """One line each, the "- " and ";" of a printed list taken off."""
    out = []
    for line in (text or "").splitlines():
        line = line.strip().lstrip("-–•+").strip().rstrip(";.,").strip()
        if line:
            out.append(line)
    return out


def link_notes(loaded: LoadedIncoming) -> list[str]:
    """What the editor shows about the dispatches this letter answers or cites."""
    notes = [f"Trả lời {citation} ({unit})" for _, citation, unit in loaded.replies_to]
    notes += [f"Dẫn chiếu {citation} nhưng cơ quan gửi không có trong danh sách nhận (chưa liên kết)"
              for _, citation in loaded.cited_ours]
    return notes
