"""A small, invented dossier in the names of the dossier contract, for the report, web and browser tests.

The story (a harbour fire in the fictional town of Velmora) and every sentence are written for
these tests. It has what the report must show: aliases, facts of each status, a time conflict, a
quantity conflict, a copy, outlets with contrasting labels and loaded terms, removed debris, and
hostile markup (``<script>``, ``onerror=``, ``javascript:``) in text, titles, names and labels.
Offsets are computed from the text, so ``text[start:end] == record["text"]`` always holds.
"""
from __future__ import annotations

import copy

XSS_SCRIPT = "<script>alert('pwned')</script>"
XSS_IMG = '<img src=x onerror="alert(1)">'
XSS_LINK = "javascript:alert(2)"

D1 = (
    "VELMORA, March 4, 2024 — A fire swept through the container terminal of the Harbour Authority "
    "of Velmora (HAV) on Sunday night, injuring 12 dock workers.\n\n"
    "Mayor Ilse Brandvold called the blaze \"a warning we ignored for years\".\n\n"
    "The fire started in a warehouse leased by Kestrel Shipping, according to the fire brigade. "
    "Brandvold, a former harbour pilot, said the terminal would reopen within two weeks."
)
D2 = (
    "The blaze at the harbour of Velmora on March 4 injured 14 people, officials said.\n\n"
    "Kestrel Shipping Company, the negligent operator of the warehouse, declined to comment. "
    "Ilse Brandvold, the embattled mayor, promised an inquiry.\n\n"
    "The Harbour Authority said the damage ran to 3 million euros."
)
D3 = (
    "Witnesses said the fire began on Sunday, March 3. Mayor Brandvold praised the firefighters "
    "of the HAV.\n\n"
    f"A reader posted {XSS_SCRIPT} and {XSS_IMG} under our story, and a link {XSS_LINK} circulated.\n\n"
    "Twelve workers were treated in hospital, the Harbour Authority of Velmora said."
)


def _at(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``piece`` in ``text`` (fails loudly if absent)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def _span(doc_id: str, text: str, piece: str, nth: int = 0, **extra) -> dict:
    start, end = _at(text, piece, nth)
    return {"document": doc_id, "start": start, "end": end, "text": piece, **extra}


def _sentence(text: str, piece: str) -> tuple[int, int]:
    """The sentence (between blank lines or '. ') that contains ``piece``."""
    start, end = _at(text, piece)
    left = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
               text.rfind("\n", 0, start) + 1)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    if text[right - 1] == "\n":
        right -= 1
    return left, right


def _claim(cid: str, doc_id: str, text: str, anchor: str, predicate: str, **extra) -> dict:
    start, end = _sentence(text, anchor)
    base = {"id": cid, "document": doc_id, "start": start, "end": end, "text": text[start:end],
            "predicate": predicate, "subject": None, "objects": [], "time": None, "time_text": None,
            "place": None, "quantity": None, "quantity_unit": None, "quantity_text": None,
            "quantity_approximate": False, "role": None, "attributed_to": None, "speaker_text": None,
            "hedged": False, "trigger": None}
    base.update(extra)
    return base


def build_synthetic_dossier() -> dict:
    """The invented dossier (a fresh deep copy each call, so tests may mutate it)."""
    docs = [
        {"id": "d1", "path": "coastal/fire.txt", "url": "https://coastal-ledger.example/fire",
         "outlet": "Coastal Ledger", "outlet_basis": "metadata", "title": "Fire sweeps Velmora terminal",
         "byline": None, "published": "2024-03-04", "published_basis": "dateline", "language": "en",
         "duplicate_of": None, "text": D1,
         "removed": [{"text": "728 x 90", "reason": "ad slot size"},
                     {"text": "Share this story", "reason": "sharing widget"}], "notes": []},
        {"id": "d2", "path": "wire/blaze.html", "url": "https://northern-wire.example/blaze",
         "outlet": "Northern Wire", "outlet_basis": "url", "title": "Blaze injures 14 at Velmora harbour",
         "byline": "A. Reporter", "published": "2024-03-05T09:15", "published_basis": "metadata",
         "language": "en", "duplicate_of": None, "text": D2, "removed": [], "notes": []},
        {"id": "d3", "path": "voice/witness.txt", "url": XSS_LINK,
         "outlet": f"Velmora Voice {XSS_IMG}", "outlet_basis": "source-line",
         "title": f"Witnesses recall the fire {XSS_SCRIPT}", "byline": None, "published": "2024-03-04",
         "published_basis": "content", "language": "en", "duplicate_of": None, "text": D3,
         "removed": [{"text": f"<b onmouseover=alert(3)>Subscribe</b> {XSS_LINK}",
                      "reason": "call to action"}], "notes": []},
        {"id": "d4", "path": "bay/copy.txt", "url": None, "outlet": "Bay Courier", "outlet_basis": "input",
         "title": "Fire sweeps Velmora terminal", "byline": None, "published": "2024-03-04",
         "published_basis": "inferred", "language": "en", "duplicate_of": "d1", "text": D1,
         "removed": [], "notes": []},
    ]
    for d in docs:
        d["analysis_skipped"] = None
    texts = {d["id"]: d["text"] for d in docs}

    # --- mentions (entity ids filled as resolution would)
    mention_specs = [
        ("d1", "Harbour Authority of Velmora", 0, "ORG", "e_hav"), ("d1", "HAV", 0, "ORG", "e_hav"),
        ("d1", "Velmora", 0, "GPE", "e_velmora"),
        ("d1", "Ilse Brandvold", 0, "PERSON", "e_brandvold"), ("d1", "Kestrel Shipping", 0, "ORG", "e_kestrel"),
        ("d1", "Brandvold", 1, "PERSON", "e_brandvold"),
        ("d2", "Velmora", 0, "GPE", "e_velmora"), ("d2", "Kestrel Shipping Company", 0, "ORG", "e_kestrel"),
        ("d2", "Ilse Brandvold", 0, "PERSON", "e_brandvold"), ("d2", "Harbour Authority", 0, "ORG", "e_hav"),
        ("d3", "Brandvold", 0, "PERSON", "e_brandvold"), ("d3", "HAV", 0, "ORG", "e_hav"),
        ("d3", "Harbour Authority of Velmora", 0, "ORG", "e_hav"),
        ("d4", "Harbour Authority of Velmora", 0, "ORG", "e_hav"), ("d4", "Ilse Brandvold", 0, "PERSON", "e_brandvold"),
    ]
    mentions = []
    for i, (doc, piece, nth, label, ent) in enumerate(mention_specs):
        m = _span(doc, texts[doc], piece, nth, label=label, entity=ent)
        m["id"] = f"{doc}:m{i}"
        mentions.append(m)

    times = [
        _span("d1", D1, "March 4, 2024", type="DATE", value="2024-03-04", anchor="explicit"),
        _span("d1", D1, "Sunday night", type="TIME", value="2024-03-03TNI", anchor="dct:2024-03-04"),
        _span("d1", D1, "within two weeks", type="DURATION", value="P2W", anchor=None),
        _span("d2", D2, "March 4", type="DATE", value="2024-03-04", anchor="dct:2024-03-05"),
        _span("d3", D3, "Sunday, March 3", type="DATE", value="2024-03-03", anchor="dct:2024-03-04"),
    ]
    quantities = [
        _span("d1", D1, "12 dock workers", value=12.0, unit="worker", approximate=False, low=None, high=None),
        _span("d2", D2, "14 people", value=14.0, unit="person", approximate=False, low=None, high=None),
        _span("d2", D2, "3 million euros", value=3e6, unit="euro", approximate=False, low=None, high=None),
        _span("d3", D3, "Twelve workers", value=12.0, unit="worker", approximate=False, low=None, high=None),
    ]
    q1 = _span("d1", D1, "a warning we ignored for years", kind="direct", cue="called", speaker="Mayor Ilse Brandvold")
    q1["speaker_start"], q1["speaker_end"] = _at(D1, "Mayor Ilse Brandvold")
    q1["speaker_mention"] = "d1:m3"
    q2 = _span("d3", D3, f"{XSS_SCRIPT} and {XSS_IMG}", kind="direct", cue="posted", speaker="A reader",
               speaker_start=None, speaker_end=None, speaker_mention=None)
    quotes = [q1, q2]
    descriptors = [
        _span("d1", D1, "a former harbour pilot", target_start=_at(D1, "Brandvold", 1)[0],
              target_end=_at(D1, "Brandvold", 1)[1], target_text="Brandvold", kind="apposition",
              target_mention="d1:m5"),
        _span("d2", D2, "the embattled mayor", target_start=_at(D2, "Ilse Brandvold")[0],
              target_end=_at(D2, "Ilse Brandvold")[1], target_text="Ilse Brandvold", kind="apposition",
              target_mention="d2:m8"),
        _span("d2", D2, "the negligent operator of the warehouse", target_start=_at(D2, "Kestrel Shipping Company")[0],
              target_end=_at(D2, "Kestrel Shipping Company")[1], target_text="Kestrel Shipping Company",
              kind="apposition", target_mention="d2:m7"),
    ]
    a_s, a_e = _at(D1, "Harbour Authority of Velmora")
    b_s, b_e = _at(D1, "HAV")
    alias_evidence = [{"document": "d1", "start": a_s, "end": b_e + 1, "a_text": "Harbour Authority of Velmora",
                       "a_start": a_s, "a_end": a_e, "b_text": "HAV", "b_start": b_s, "b_end": b_e,
                       "kind": "acronym"}]

    claims = [
        _claim("d1:c1", "d1", D1, "A fire swept", "injure", subject="e_hav", time="2024-03-03",
               time_text="Sunday night", quantity=12.0, quantity_unit="worker", quantity_text="12 dock workers",
               trigger="injuring"),
        _claim("d1:c2", "d1", D1, "The fire started", "start", subject="e_kestrel",
               attributed_to=None, speaker_text="the fire brigade", trigger="started"),
        _claim("d2:c1", "d2", D2, "The blaze at the harbour", "injure", time="2024-03-04", time_text="March 4",
               quantity=14.0, quantity_unit="person", quantity_text="14 people", speaker_text="officials",
               trigger="injured"),
        _claim("d2:c2", "d2", D2, "the damage ran", "cost", subject="e_hav", quantity=3e6, quantity_unit="euro",
               quantity_text="3 million euros", attributed_to="e_hav", speaker_text="The Harbour Authority",
               trigger="ran"),
        _claim("d3:c1", "d3", D3, "Witnesses said", "start", time="2024-03-03", time_text="Sunday, March 3",
               hedged=False, speaker_text="Witnesses", trigger="began"),
        _claim("d3:c2", "d3", D3, "Twelve workers", "injure", quantity=12.0, quantity_unit="worker",
               quantity_text="Twelve workers", attributed_to="e_hav", speaker_text="the Harbour Authority of Velmora",
               trigger="treated"),
        _claim("d4:c1", "d4", D1, "A fire swept", "injure", subject="e_hav", time="2024-03-03",
               time_text="Sunday night", quantity=12.0, quantity_unit="worker", quantity_text="12 dock workers",
               trigger="injuring"),
    ]

    entities = [
        {"id": "e_brandvold", "name": "Ilse Brandvold", "type": "PERSON",
         "aliases": [{"text": "Ilse Brandvold", "count": 3, "documents": ["d1", "d2", "d4"]},
                     {"text": "Brandvold", "count": 2, "documents": ["d1", "d3"]}],
         "mentions": 5, "documents": ["d1", "d2", "d3", "d4"],
         "descriptors": [{k: descriptors[0][k] for k in ("text", "document", "start", "end")},
                         {k: descriptors[1][k] for k in ("text", "document", "start", "end")}],
         "relations": [{"subject": "e_brandvold", "relation": "mayor of", "object": "e_velmora",
                        "object_text": "Velmora", "document": "d1", "start": _at(D1, "Mayor Ilse Brandvold")[0],
                        "end": _at(D1, "Mayor Ilse Brandvold")[1]}]},
        {"id": "e_hav", "name": "Harbour Authority of Velmora", "type": "ORG",
         "aliases": [{"text": "Harbour Authority of Velmora", "count": 3, "documents": ["d1", "d3", "d4"]},
                     {"text": "HAV", "count": 2, "documents": ["d1", "d3"]},
                     {"text": "Harbour Authority", "count": 1, "documents": ["d2"]}],
         "mentions": 6, "documents": ["d1", "d2", "d3", "d4"], "descriptors": [], "relations": []},
        {"id": "e_kestrel", "name": "Kestrel Shipping Company", "type": "ORG",
         "aliases": [{"text": "Kestrel Shipping", "count": 1, "documents": ["d1"]},
                     {"text": "Kestrel Shipping Company", "count": 1, "documents": ["d2"]}],
         "mentions": 2, "documents": ["d1", "d2"],
         "descriptors": [{k: descriptors[2][k] for k in ("text", "document", "start", "end")}], "relations": []},
        {"id": "e_velmora", "name": "Velmora", "type": "GPE",
         "aliases": [{"text": "Velmora", "count": 2, "documents": ["d1", "d2"]},
                     {"text": f"Velmora {XSS_SCRIPT}", "count": 1, "documents": ["d3"]}],
         "mentions": 2, "documents": ["d1", "d2"], "descriptors": [], "relations": []},
    ]

    facts = [
        {"id": "f1", "statement": "A fire injured dock workers at the Velmora container terminal",
         "predicate": "injure", "claims": ["d1:c1", "d2:c1", "d3:c2", "d4:c1"], "documents": ["d1", "d2", "d3", "d4"],
         "outlets": ["Coastal Ledger", "Northern Wire", f"Velmora Voice {XSS_IMG}", "Bay Courier"], "support": 3,
         "status": "contested", "subject": "e_hav", "objects": [], "time": "2024-03-03", "place": "e_velmora",
         "quantity": 12.0},
        {"id": "f2", "statement": "The fire started in a warehouse leased by Kestrel Shipping",
         "predicate": "start", "claims": ["d1:c2", "d3:c1"], "documents": ["d1", "d3"],
         "outlets": ["Coastal Ledger", f"Velmora Voice {XSS_IMG}"], "support": 2, "status": "corroborated",
         "subject": "e_kestrel", "objects": [], "time": "2024-03-03", "place": None, "quantity": None},
        {"id": "f3", "statement": f"The damage ran to 3 million euros {XSS_SCRIPT}", "predicate": "cost",
         "claims": ["d2:c2"], "documents": ["d2"], "outlets": ["Northern Wire"], "support": 1,
         "status": "single-source", "subject": "e_hav", "objects": [], "time": None, "place": None,
         "quantity": 3e6},
    ]
    conflicts = [
        {"id": "k1", "about": "when the fire at the Velmora terminal broke out", "slot": "time",
         "values": [{"value": "2024-03-03", "claims": ["d1:c1", "d3:c1"], "documents": ["d1", "d3"]},
                    {"value": "2024-03-04", "claims": ["d2:c1"], "documents": ["d2"]}],
         "explanation": "adjacent days: the sources may count the night of the fire in different time zones",
         "facts": ["f1"]},
        {"id": "k2", "about": "how many people the fire injured", "slot": "quantity",
         "values": [{"value": "12", "claims": ["d1:c1", "d3:c2"], "documents": ["d1", "d3"]},
                    {"value": "14", "claims": ["d2:c1"], "documents": ["d2"]}],
         "explanation": "different counts of the injured; the later report may include people treated afterwards "
                        f"{XSS_IMG}",
         "facts": ["f1"]},
    ]
    sources = [
        {"outlet": "Coastal Ledger", "documents": ["d1"], "claims": 2, "attributed_share": 0.5, "hedged_share": 0.0,
         "loaded_terms": [{"term": "swept", "count": 1}],
         "labels": [{"entity": "e_brandvold", "text": "a former harbour pilot", "document": "d1",
                     "start": descriptors[0]["start"], "end": descriptors[0]["end"]}]},
        {"outlet": "Northern Wire", "documents": ["d2"], "claims": 2, "attributed_share": 1.0, "hedged_share": 0.0,
         "loaded_terms": [{"term": "negligent", "count": 1}, {"term": "embattled", "count": 1}],
         "labels": [{"entity": "e_brandvold", "text": "the embattled mayor", "document": "d2",
                     "start": descriptors[1]["start"], "end": descriptors[1]["end"]},
                    {"entity": "e_kestrel", "text": "the negligent operator of the warehouse", "document": "d2",
                     "start": descriptors[2]["start"], "end": descriptors[2]["end"]}]},
        {"outlet": f"Velmora Voice {XSS_IMG}", "documents": ["d3"], "claims": 2, "attributed_share": 1.0,
         "hedged_share": 0.5, "loaded_terms": [{"term": f"hero {XSS_LINK}", "count": 2}],
         "labels": [{"entity": "e_brandvold", "text": f"our hero {XSS_SCRIPT}", "document": "d3",
                     "start": 0, "end": 9}]},
        {"outlet": "Bay Courier", "documents": ["d4"], "claims": 1, "attributed_share": 0.0, "hedged_share": 0.0,
         "loaded_terms": [], "labels": []},
    ]
    dossier = {
        "schema": "consilience.dossier/1",
        "corpus": {"inputs": ["stories/"], "documents": len(docs),
                   "skipped": [{"path": "stories/broken.warc", "reason": f"unreadable WARC {XSS_SCRIPT}"}],
                   "timings": {"analysing": 1.5}},
        "documents": docs, "entities": entities, "mentions": mentions, "times": times,
        "quantities": quantities, "quotes": quotes, "descriptors": descriptors,
        "alias_evidence": alias_evidence, "claims": claims, "facts": facts, "conflicts": conflicts,
        "sources": sources,
    }
    return copy.deepcopy(dossier)


# --------------------------------------------------------------------------- checking rendered HTML

PAYLOADS = (XSS_SCRIPT, XSS_IMG, XSS_LINK)


def active_content(page: str, allowed_scripts: int = 0) -> list[str]:
    """What in ``page`` could run or fetch: event-handler attributes, ``javascript:`` URLs, ``<img>``,
    ``<iframe>``, external ``src``/``href`` resources, and more ``<script>`` elements than allowed.
    An empty list means the page is inert (the payloads above, if present, are text)."""
    from html.parser import HTMLParser

    found: list[str] = []
    scripts = []

    class Checker(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "script":
                scripts.append(dict(attrs))
                if dict(attrs).get("src"):
                    found.append(f"<script src={dict(attrs)['src']}>")
            if tag in ("img", "iframe", "object", "embed"):
                found.append(f"<{tag}>")
            if tag == "link" and not (dict(attrs).get("href") or "").startswith("/"):
                found.append(f"<link href={dict(attrs).get('href')}>")
            for name, value in attrs:
                if name.lower().startswith("on"):
                    found.append(f"{tag}[{name}]")
                if value and value.strip().lower().startswith("javascript:"):
                    found.append(f"{tag}[{name}={value}]")
                if name in ("src",) and value and not value.startswith(("data:", "/")):
                    found.append(f"{tag}[src={value}]")

        handle_startendtag = handle_starttag

    Checker(convert_charrefs=True).feed(page)
    if len(scripts) > allowed_scripts:
        found.append(f"{len(scripts)} <script> elements")
    return found


def visible_text(page: str) -> str:
    """The text content of ``page`` (entities decoded), scripts and styles left out."""
    from html.parser import HTMLParser

    parts: list[str] = []

    class Text(HTMLParser):
        skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style"):
                self.skip += 1

        def handle_endtag(self, tag):
            if tag in ("script", "style"):
                self.skip -= 1

        def handle_data(self, data):
            if not self.skip:
                parts.append(data)

    Text(convert_charrefs=True).feed(page)
    return "".join(parts)
