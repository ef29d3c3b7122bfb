"""The editor's live preview: the unsaved form as the `Dispatch` the letter layout draws.

Run it off the GUI thread (it reads the office profile, the signer and the directory);
it writes nothing.
"""
from __future__ import annotations

from desktop.core.context import AppContext
from desktop.core.dispatch import Dispatch, Issuer, SignerBlock
from desktop.documents.body import paragraphs_from_text
from desktop.core.vocabulary import SECRECY_LABELS, URGENCY_LABELS
from desktop.documents.inputs import DraftInput
from desktop.documents.parts import printed_appendices
from desktop.documents.profile import effective_symbol, office_profile
from desktop.documents.store import distribution_lines, recipient_lines


def _printed(line, text: str) -> str:
    return f"{text} {line.purpose}" if line.purpose else text


def preview_dispatch(ctx: AppContext, data: DraftInput, *, number: int | None = None) -> Dispatch:
    """`data` laid out as it would print now (number as given, blank for a draft)."""
    from db.models import Signer

    with ctx.session() as session:
        office = office_profile(session)
        signer = session.get(Signer, data.signer_id) if data.signer_id is not None else None
        issuer_name = (data.issuer_name or "").strip() or (office.name if office else None)
        issuer_parent = (data.issuer_parent or "").strip() or None
        if not (data.issuer_name or "").strip() and office is not None:
            issuer_parent = office.parent_name
        return Dispatch(
            doc_type=data.doc_type or "Công văn",
            issuer=Issuer(name=issuer_name, parent=issuer_parent),
            number=number,
            symbol=effective_symbol(session, data),
            place=(data.place or "").strip() or (office.place if office else None),
            date=data.date,
            subject=(data.subject or "").strip(),
            urgency=URGENCY_LABELS.get(data.urgency or ""),
            recipients=[_printed(line, text) for line, text in recipient_lines(session, data) if text],
            body=paragraphs_from_text(data.body or ""),
            distribution=[_printed(line, text) for line, text, _ in distribution_lines(session, data) if text],
            signer=SignerBlock(
                title_lines=[t for t in (signer.title_lines if signer else "").splitlines() if t.strip()],
                name=signer.name if signer else None,
            ),
            secrecy=SECRECY_LABELS.get(data.secrecy or ""),
            contact=[line.strip() for line in data.contact if line.strip()],
            appendices=printed_appendices(data.appendices),
        )


# The name the editor's brief uses; one implementation.
dispatch_from_input = preview_dispatch
