"""Claims: checkable statements as (predicate, subject, objects, time, place, quantity, speaker, hedged).

One pass over the parsed Doc. A *trigger* (a verb or event noun from the vocabulary in
``lexicon/vocabulary.py``) selects the predicate; its dependents give the participants
(Mention ids at this stage), and the records earlier extractors found (TimeExpr, Quantity,
Quote) give the time, the count and the speaker. A sentence without a trigger (opinion,
framing) gives no claim; its labels reach the framing profile through the descriptors.

Participant conventions, per family (documented in docs/reconcile.md):
- events (kill, attack, abduct, injure, arrest, sanction): subject = the agent, objects = the target/victims;
- position (appoint, command, role): subject = the holder, objects = the organisation(s), ``role`` = the post;
- member: subject = the member, objects = the organisation;
- statement: subject = the speaker.

The steps, one module each: ``extract`` (the document pass), ``sentence`` (one sentence's claims),
``triggers``, ``roles`` (positions held), ``participants`` (subject, objects, place), ``timing``, ``counts``
(counts and their "including" parts), ``attribution`` (speaker, hedges), ``reparse`` (clauses that lost their
subject); ``records``, ``mentions`` and ``tree`` are what they share.
"""
from .extract import extract_claims  # noqa: F401
from .reparse import _orphan_clauses  # noqa: F401  (tests read it)
