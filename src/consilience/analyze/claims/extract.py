"""The document pass: claims sentence by sentence, only in sentences holding a candidate trigger, and
those of clauses parsed again."""
from __future__ import annotations

import bisect

from ...model import Claim, DocAnalysis, Document
from ..spans import doc_text
from .counted import counted_governors
from .records import _Index
from .reparse import _orphan_clauses, _reparsed_claims
from .sentence import _sentence_claims
from .triggers import _candidates


def extract_claims(doc, document: Document, analysis: DocAnalysis, reparse=None) -> list[Claim]:
    """Claims of one document; subject/objects/place/attributed_to are Mention ids at this stage.

    ``reparse`` (the spaCy pipeline that parsed ``doc``), when given, parses again on its own a clause the
    parser left without its subject (see ``_orphan_clauses``)."""
    index = _Index(analysis, doc_text(doc))
    candidates = sorted(set(_candidates(doc)) | set(counted_governors(doc, index)))
    claims: list[Claim] = []
    for sent in doc.sents:
        first, last = bisect.bisect_left(candidates, sent.start), bisect.bisect_left(candidates, sent.end)
        if first == last:
            continue  # no trigger word: most sentences are passed over without touching their tokens
        try:
            found = _sentence_claims(sent, document, index, len(claims), candidates[first:last])
            claims.extend(found)
            if reparse is not None:
                for start, end in _orphan_clauses(sent):
                    claims.extend(_reparsed_claims(reparse, doc_text(doc), start, end, document, index,
                                                   len(claims), {(c.trigger_start, c.predicate) for c in found}))
        except Exception as exc:  # a parse we did not foresee must not lose the document
            document.notes.append(f"claims: sentence at {sent.start_char} skipped ({exc.__class__.__name__})")
    return claims
