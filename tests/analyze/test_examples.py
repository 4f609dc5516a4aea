"""The extractors on the project's own fictional corpus (examples/, never tuned on): the plain-text
articles, read as they are, against the answer key in examples/README.md."""
from __future__ import annotations

import pytest

from consilience.analyze.document import analyze_parsed
from consilience.model import Document


@pytest.fixture(scope="module")
def examples(examples_dir, nlp):
    if not examples_dir.is_dir():
        pytest.skip("examples/corpus is not there")
    out = {}
    for path in sorted(examples_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:2]] = (text, analyze_parsed(nlp(text), Document(id=path.name[:2], path=str(path), text=text)))
    if not {"01", "02", "03", "06"} <= set(out):
        pytest.skip("examples/corpus does not hold the expected text articles")
    return out


def _speakers(analysis):
    mentions = {m.id: m.text for m in analysis.mentions}
    return [(q.kind, q.cue or "", q.speaker or "", mentions.get(q.speaker_mention, ""), q.text) for q in analysis.quotes]


@pytest.mark.timeout(120)
def test_statement_quotes_resolve_to_the_named_issuer(examples):
    _, analysis = examples["02"]
    reads = [s for s in _speakers(analysis) if s[1].startswith("reads")]
    assert reads and "Supreme Security Council" in reads[0][2]
    _, analysis = examples["06"]
    says = [s for s in _speakers(analysis) if s[1].startswith("says")]
    assert says and "PFLK" in says[0][3] and says[0][4].startswith("119 PFLK members")


@pytest.mark.timeout(120)
def test_example_alias_evidence(examples):
    def kinds(prefix):
        return {(e.kind, e.a_text, e.b_text) for e in examples[prefix][1].aliases}

    assert ("acronym", "People's Front for the Liberation of Karvenia", "PFLK") in kinds("01")
    assert ("slash", "People's Front for the Liberation of Karvenia", "Serdan") in kinds("01")
    assert ("acronym", "Karvenian Guard Corps Expeditionary Wing", "KGC-EW") in kinds("01")
    assert ("aka", "Ezdan Units", "Popular Defence Units") in kinds("03")
    assert ("slash", "Popular Defence Units", "Ezdan") in kinds("06")


@pytest.mark.timeout(120)
def test_example_quantities(examples):
    def has(prefix, value, unit):
        return any(q.value == value and q.unit == unit for q in examples[prefix][1].quantities)

    assert has("01", 38, "member") and has("02", 38, "resident") and has("03", 38, "person")
    assert has("02", 12, "worker") and has("02", 4, "engineer")
    assert has("03", 312, "adviser") and has("06", 119, "member") and has("06", 63, "mourner")
    at_least = next(q for q in examples["02"][1].quantities if q.value == 63)
    assert at_least.approximate and at_least.low == 63
