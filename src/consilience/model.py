"""The records every stage speaks.

Per-document records carry ``document`` (a Document id) and ``start``/``end``
character offsets into ``Document.text`` (the cleaned body). Corpus records
carry the ids of the records they rest on. Nothing enters the dossier without
a path back to its evidence.

All records are plain dataclasses so that they pickle (process pools, Ray),
serialise as ``dataclasses.asdict`` would (``to_dict``) and map one-to-one onto store tables.
"""
from __future__ import annotations

from collections.abc import Collection
from copy import deepcopy
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store reads and writes these records; the records do not depend on it
    from .store import Analyses


def to_dict(record: Any) -> dict:
    """A record as a JSON-ready dict (nested records included): what ``dataclasses.asdict`` returns,
    without its deep copy of every value (a fifth of phase 2 at 10^4 documents went there)."""
    return _plain(record)


_SCALARS = frozenset({str, int, float, bool, type(None)})


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None


def _plain(value: Any) -> Any:
    cls = type(value)
    if cls in _SCALARS:
        return value
    names = _field_names(cls)
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if cls is list:
        return [_plain(v) for v in value]
    if cls is tuple:
        return tuple(_plain(v) for v in value)
    if cls is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    return asdict(value) if is_dataclass(value) else deepcopy(value)  # anything else as asdict treats it


# --------------------------------------------------------------------------- ingestion


@dataclass(slots=True)
class RawInput:
    """One article as read from disk, before cleaning (output of the readers)."""

    path: str  # the file it came from; "file.jsonl#3" for line 3 of a JSONL file
    kind: str  # "txt" | "html" | "jsonl-text" | "jsonl-html" | "warc"
    content: str  # decoded text or HTML
    url: str | None = None
    outlet: str | None = None  # given by the input (JSONL field, WARC target host)
    published: str | None = None  # given by the input
    title: str | None = None
    notes: list[str] = field(default_factory=list)  # e.g. "invalid UTF-8 bytes replaced (3)"


@dataclass(slots=True)
class Skipped:
    """An input that produced no document, and why (listed in corpus.skipped)."""

    path: str
    reason: str


@dataclass(slots=True)
class Removed:
    """A line of page debris removed from the body, and why."""

    text: str
    reason: str


@dataclass(slots=True)
class Document:
    id: str
    path: str
    text: str  # the cleaned body; every offset in every record points into it
    url: str | None = None
    outlet: str | None = None
    # "input" | "metadata" | "masthead" | "footer" | "copyright" | "url" | "source-line" | "reporting-by"
    outlet_basis: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601 as precise as known: "2020-01-05T18:30", "2020-01-03", "2020"
    published_basis: str | None = None  # "metadata" | "dateline" | "content" | "inferred" | None
    language: str | None = None  # ISO 639-1 code
    duplicate_of: str | None = None  # id of the earlier document this one copies
    removed: list[Removed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    content_hash: str = ""  # hash of the normalised cleaned text (exact-duplicate key)


# --------------------------------------------------------------------------- per-document analysis


@dataclass(slots=True)
class Sentence:
    document: str
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    id: str  # "<document>:m<n>"
    document: str
    start: int
    end: int
    text: str
    label: str  # spaCy's label (PERSON, ORG, GPE, ...)
    entity: str | None = None  # filled by entity resolution


@dataclass(slots=True)
class TimeExpr:
    document: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value ("2020-01-02", "P3M", "PRESENT_REF"); None when it cannot be resolved
    anchor: str | None = None  # what the value was computed from ("dct:2020-01-03", "explicit", ...)


@dataclass(slots=True)
class Quantity:
    document: str
    start: int
    end: int
    text: str  # the whole phrase: "52 defenseless MEK members"
    value: float | None  # 52.0; None for vague amounts without a number
    unit: str | None  # head noun lemma of what is counted: "member"
    approximate: bool = False  # "hundreds of", "about", "more than", "dozens"
    low: float | None = None  # for ranges / vague amounts ("hundreds" -> 200..999)
    high: float | None = None


@dataclass(slots=True)
class Quote:
    document: str
    start: int
    end: int
    text: str  # the quoted or reported content
    kind: str  # "direct" | "reported"
    cue: str | None = None  # "said", "according to", "described ... as", "in a statement"
    speaker: str | None = None  # surface text of the speaker ("the U.S. Defense Department")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_mention: str | None = None  # id of the speaker's Mention when there is one


@dataclass(slots=True)
class Descriptor:
    """A label an outlet applies to an entity: apposition or predicate nominal."""

    document: str
    start: int
    end: int
    text: str  # "the commander of the terrorist IRGC-QF"
    target_start: int  # span of the name it describes
    target_end: int
    target_text: str
    kind: str  # "apposition" | "predicate" | "premodifier"
    target_mention: str | None = None


@dataclass(slots=True)
class AliasEvidence:
    """Text that says two names denote one actor: "Full Name (ABBR)", "aka.", "born NAME"."""

    document: str
    start: int  # span covering the whole evidence
    end: int
    a_text: str
    a_start: int
    a_end: int
    b_text: str
    b_start: int
    b_end: int
    kind: str  # "acronym" | "aka" | "or" | "born" | "formerly" | "slash"


@dataclass(slots=True)
class Claim:
    """What one sentence (or clause) of one document says happened, as phase 1 reads it: its participants
    are the document's mentions. Entity resolution makes a ResolvedClaim of it."""

    id: str  # "<document>:c<n>"
    document: str
    start: int
    end: int
    text: str  # the sentence (or clause) stating it
    predicate: str  # from the documented vocabulary (see lexicon/vocabulary)
    subject: str | None = None  # Mention id
    objects: list[str] = field(default_factory=list)  # Mention ids
    time: str | None = None  # TIMEX3 value
    time_text: str | None = None
    place: str | None = None  # Mention id
    quantity: float | None = None
    quantity_unit: str | None = None
    quantity_text: str | None = None
    quantity_approximate: bool = False
    role: str | None = None  # for role/command claims: "commander", "deputy commander"
    attributed_to: str | None = None  # the speaker's Mention id; None when the outlet asserts it
    speaker_text: str | None = None
    hedged: bool = False
    trigger: str | None = None  # the word that selected the predicate ("killed")
    time_relation: str | None = None  # "start" when the time dates the start of a role ("since 1997")
    quantity_low: float | None = None  # the range a vague quantity stands for ("hundreds" -> 200..999)
    quantity_high: float | None = None
    trigger_start: int | None = None  # character offsets of the trigger word in Document.text
    trigger_end: int | None = None


@dataclass(slots=True)
class ResolvedClaim:
    """A Claim whose participants are entities: what reconciliation groups into facts and the dossier's
    ``claims`` section lists. Made from a phase-1 Claim by ``reconcile.participants.resolve_claims``; the
    same fields in the same order (the dossier's claim records keep their names), with the participant
    fields holding Entity ids (or ``text:...`` keys for mentions no entity claims) instead of Mention ids.
    """

    id: str  # the Claim's id: "<document>:c<n>"
    document: str
    start: int
    end: int
    text: str  # the sentence (or clause) stating it
    predicate: str  # from the documented vocabulary (see lexicon/vocabulary)
    subject: str | None = None  # Entity id
    objects: list[str] = field(default_factory=list)  # Entity ids, without the subject, each once
    time: str | None = None  # TIMEX3 value
    time_text: str | None = None
    place: str | None = None  # Entity id of a place (GPE, LOC, FAC); None when the entity is no place
    quantity: float | None = None
    quantity_unit: str | None = None
    quantity_text: str | None = None
    quantity_approximate: bool = False
    role: str | None = None  # for role/command claims: "commander", "deputy commander"
    attributed_to: str | None = None  # the speaker's Entity id; None when the outlet asserts it
    speaker_text: str | None = None
    hedged: bool = False
    trigger: str | None = None  # the word that selected the predicate ("killed")
    time_relation: str | None = None  # "start" when the time dates the start of a role ("since 1997")
    quantity_low: float | None = None  # the range a vague quantity stands for ("hundreds" -> 200..999)
    quantity_high: float | None = None
    trigger_start: int | None = None  # character offsets of the trigger word in Document.text
    trigger_end: int | None = None


@dataclass(slots=True)
class DocAnalysis:
    """Everything phase 1 produced for one document."""

    document: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    aliases: list[AliasEvidence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    skipped_reason: str | None = None  # e.g. "language 'fr' not handled by the English pipeline"


# --------------------------------------------------------------------------- corpus records


@dataclass(slots=True)
class Alias:
    text: str
    count: int
    documents: list[str]


@dataclass(slots=True)
class Relation:
    subject: str  # Entity id
    relation: str  # "commander of", "deputy commander of", "born", "leader of", "member of"
    object: str | None  # Entity id, or None when the object is a literal
    object_text: str | None
    document: str
    start: int
    end: int


@dataclass(slots=True)
class TextSpan:
    """A stretch of a document's cleaned text: an entity's descriptor, an example of a loaded term."""

    document: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[Alias] = field(default_factory=list)
    mentions: int = 0
    documents: list[str] = field(default_factory=list)
    descriptors: list[TextSpan] = field(default_factory=list)  # the labels the sources give it
    relations: list[Relation] = field(default_factory=list)


@dataclass(slots=True)
class Fact:
    id: str
    statement: str
    predicate: str
    claims: list[str]
    documents: list[str]
    outlets: list[str]
    support: int  # independent documents (copies count once)
    status: str  # "corroborated" | "single-source" | "contested"
    subject: str | None = None
    objects: list[str] = field(default_factory=list)
    time: str | None = None
    place: str | None = None
    quantity: float | None = None
    role: str | None = None  # for position facts: "deputy commander"
    notes: list[str] = field(default_factory=list)  # e.g. two outlets quoting the same speaker


@dataclass(slots=True)
class ConflictValue:
    value: str
    claims: list[str]
    documents: list[str]


@dataclass(slots=True)
class Conflict:
    id: str
    about: str  # human-readable: "when Qassem Soleimani was killed"
    slot: str  # "time" | "quantity" | "role" | "place" | "agent"
    values: list[ConflictValue]
    explanation: str
    facts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LoadedTerm:
    """A term of the loaded-terms lexicon an outlet uses: in its own voice (``count``) and in quotes."""

    term: str
    count: int
    quoted: int = 0
    examples: list[TextSpan] = field(default_factory=list)  # the first few uses in the outlet's voice


@dataclass(slots=True)
class OutletLabel:
    """A label an outlet applies to an entity (a descriptor), with its lexicon polarity."""

    entity: str
    text: str
    document: str
    start: int
    end: int
    kind: str  # the descriptor's kind: "apposition" | "predicate" | "premodifier"
    polarity: int  # sum of the signs of the loaded terms in the label


@dataclass(slots=True)
class Contrast:
    """One actor labelled one way by this outlet and the opposite way by another."""

    entity: str
    kind: str  # "opposite" | "loaded vs neutral"
    labels: list[str]
    polarity: int
    other_outlet: str
    other_labels: list[str]
    other_polarity: int


@dataclass(slots=True)
class SourceProfile:
    outlet: str
    documents: list[str]
    claims: int
    attributed_share: float
    hedged_share: float
    loaded_terms: list[LoadedTerm] = field(default_factory=list)
    labels: list[OutletLabel] = field(default_factory=list)
    words: int = 0  # words of body text (the base of loaded_per_1000)
    loaded_per_1000: float = 0.0  # loaded terms in the outlet's own voice per 1000 words
    contrasts: list[Contrast] = field(default_factory=list)


@dataclass(slots=True)
class Corpus:
    """The whole result: what the report and the store are written from."""

    inputs: list[str]
    documents: list[Document]
    skipped: list[Skipped]
    # the phase-1 records of the documents, read from the store as a stage asks (store.Analyses)
    analyses: Analyses | None = None
    entities: list[Entity] = field(default_factory=list)
    # the claims with their participants resolved to entities, in document order: a list, or the store's
    # table reconcile writes (store.StoredClaims; sized and re-iterable like a list)
    claims: Collection[ResolvedClaim] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    sources: list[SourceProfile] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
