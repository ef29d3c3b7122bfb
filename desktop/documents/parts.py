"""A document's parts around its body, as stored and as printed: the secrecy code (ô 10a), the address
footer (ô 13, one line per line in `contact`) and the appendices (JSON in `appendices`: title, subtitle,
body in the stored body form)."""
from __future__ import annotations

import json

from desktop.core.dispatch import Appendix, secrecy_printed
from desktop.core.text import nfc
from desktop.core.vocabulary import SECRECY_LABELS
from desktop.documents.body import paragraphs_from_text, text_from_paragraphs
from desktop.documents.inputs import AppendixInput

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def appendix_title(position: int, count: int) -> str:
    """"Phụ lục" alone, or "Phụ lục I", "Phụ lục II"… when there are several (PL I)."""
    if count == 1:
        return "Phụ lục"
    return f"Phụ lục {_ROMAN[position] if position < len(_ROMAN) else position + 1}"


def stored_contact(lines: list[str]) -> str | None:
    kept = [nfc(" ".join(line.split())) for line in lines if line.strip()]
    return "\n".join(kept) or None


def read_contact(text: str | None) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


def stored_appendices(items: list[AppendixInput]) -> str | None:
    kept = [{"title": a.title, "subtitle": nfc((a.subtitle or "").strip()) or None,
             "body": nfc("\n".join(line.rstrip() for line in (a.body or "").strip().splitlines()))}
            for a in items if (a.subtitle or "").strip() or (a.body or "").strip()]
    return json.dumps(kept, ensure_ascii=False) if kept else None


def read_appendices(text: str | None) -> list[AppendixInput]:
    if not text:
        return []
    return [AppendixInput(subtitle=a.get("subtitle"), body=a.get("body") or "", title=a.get("title"))
            for a in json.loads(text)]


def printed_appendices(items: list[AppendixInput]) -> list[Appendix]:
    """The appendices as the letter prints them; empty ones left out."""
    kept = [a for a in items if (a.subtitle or "").strip() or (a.body or "").strip()]
    return [Appendix(title=a.title or appendix_title(i, len(kept)), subtitle=(a.subtitle or "").strip() or None,
                     body=paragraphs_from_text(a.body)) for i, a in enumerate(kept)]


def appendix_inputs(appendices: list[Appendix]) -> list[AppendixInput]:
    """Appendices read from a file, kept with their titles as printed."""
    return [AppendixInput(subtitle=a.subtitle, body=text_from_paragraphs(a.body), title=a.title) for a in appendices]


def secrecy_code(printed: str | None) -> str | None:
    """"Tối mật" -> "toi_mat" (any case or accents); None for none."""
    value = secrecy_printed(printed)
    return next((code for code, label in SECRECY_LABELS.items() if label == value), None)
