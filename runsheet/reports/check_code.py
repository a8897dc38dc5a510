"""What ties a printed document to the log: the head's short code as the document was written (every document), and
on the congress minutes the log's digest at the closing, with its QR code (rules/digest.py says what each holds)."""

from __future__ import annotations

from ..rules.digest import log_digest_for, short_code
from ..store.state import CongressState
from ..texts import say
from ..texts.formats import local_number
from .document import QR, Para


def check_code_line(state: CongressState, lang: str) -> Para:
    """The head's short code and its event, as the document was written, and how to check it later."""
    code = short_code(state.head_hash)
    return Para(say("doc.check_code", lang, code=code, seq=local_number(state.seq, lang), n=state.seq), italic=True,
                small=True)


def log_digest_qr(state: CongressState, lang: str) -> QR:
    """The log's digest: at the closing once the congress has closed (what the signed minutes speak for), else at the
    latest event (a draft)."""
    seq, event_hash = state.ended_head or (state.seq, state.head_hash)
    digest = log_digest_for(state.congress_id, seq, event_hash)
    key = "doc.log_digest.closed" if state.ended_head else "doc.log_digest.draft"
    return QR(digest.text(), say(key, lang, seq=local_number(seq, lang)))
