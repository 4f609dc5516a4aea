"""A small builder of hand-made phase-1 records (documents, mentions with entities, claims, descriptors)."""
from __future__ import annotations

import pytest

from consilience.model import Claim, DocAnalysis, Descriptor, Document, Entity, Mention
from consilience.store import Analyses


class Builder:
    """Invented documents whose claims point at mentions that already carry entity ids."""

    def __init__(self):
        self.documents: list[Document] = []
        self.analyses: dict[str, DocAnalysis] = {}
        self.entities: dict[str, Entity] = {}

    def entity(self, eid: str, name: str, type_: str = "PERSON") -> str:
        self.entities[eid] = Entity(id=eid, name=name, type=type_)
        return eid

    def document(self, doc_id: str, text: str, outlet: str | None = None, published: str | None = None,
                 duplicate_of: str | None = None) -> Document:
        d = Document(id=doc_id, path=f"{doc_id}.txt", text=text, outlet=outlet, published=published,
                     duplicate_of=duplicate_of)
        self.documents.append(d)
        self.analyses[doc_id] = DocAnalysis(document=doc_id)
        return d

    def _doc(self, doc_id):
        return next(d for d in self.documents if d.id == doc_id)

    def mention(self, doc_id: str, text: str, entity: str | None) -> str:
        doc, a = self._doc(doc_id), self.analyses[doc_id]
        start = doc.text.index(text)
        m = Mention(id=f"{doc_id}:m{len(a.mentions)}", document=doc_id, start=start, end=start + len(text),
                    text=text, label=self.entities[entity].type if entity in self.entities else "ORG", entity=entity)
        a.mentions.append(m)
        return m.id

    def claim(self, doc_id: str, sentence: str, predicate: str, subject: str | None = None, objects=(),
              **fields) -> Claim:
        """A claim on ``sentence``; subject/objects are (surface text, entity id) pairs."""
        doc, a = self._doc(doc_id), self.analyses[doc_id]
        start = doc.text.index(sentence)
        c = Claim(id=f"{doc_id}:c{len(a.claims)}", document=doc_id, start=start, end=start + len(sentence),
                  text=sentence, predicate=predicate, **fields)
        if subject:
            c.subject = self.mention(doc_id, *subject)
        c.objects = [self.mention(doc_id, *o) for o in objects]
        a.claims.append(c)
        return c

    def descriptor(self, doc_id: str, label: str, target: tuple[str, str], kind: str = "apposition") -> None:
        doc, a = self._doc(doc_id), self.analyses[doc_id]
        mid = self.mention(doc_id, *target)
        m = next(x for x in a.mentions if x.id == mid)
        start = doc.text.index(label)
        a.descriptors.append(Descriptor(document=doc_id, start=start, end=start + len(label), text=label,
                                        target_start=m.start, target_end=m.end, target_text=m.text, kind=kind,
                                        target_mention=mid))

    def run(self):
        """(facts, conflicts, sources); the resolved claims are kept as ``self.claims``."""
        from consilience.reconcile import reconcile

        result = reconcile(self.documents, Analyses.from_records(self.analyses[d.id] for d in self.documents),
                           list(self.entities.values()))
        self.claims = list(result.claims)
        return result.facts, result.conflicts, result.sources


@pytest.fixture
def build() -> Builder:
    return Builder()
