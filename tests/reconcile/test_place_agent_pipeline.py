"""Place and agent conflicts through the whole pipeline (spaCy) on two invented stories read as one corpus."""
from __future__ import annotations

import pytest

from consilience.pipeline import analyze_corpus
from consilience.settings import Settings

pytestmark = pytest.mark.timeout(300)

STORIES = {
    # a crash: one report places it near one town, two others in another; all give one toll
    "crash_a.txt": "DORVAL, June 3, 2031 (Northern Courier) - A passenger airliner, Flight 661, crashed near Dorval "
                   "on June 2, killing all 140 people on board.\n\nWestern officials said Veldian air defences shot "
                   "down Flight 661 on June 2. Veldia denied it.\n",
    "crash_b.txt": "PELHAM, June 3, 2031 (Southern Daily) - Flight 661 crashed in Pelham on June 2, killing 140 "
                   "people.\n\nDravia shot down Flight 661 on June 2, the Veldian defence ministry said.\n",
    "crash_c.txt": "PELHAM, June 4, 2031 (Eastern Ledger) - Investigators reached the wreckage of Flight 661, which "
                   "crashed in Pelham on June 2.\n\nDravia allegedly shot down Flight 661 on June 2, according to "
                   "Veldian officials. Dravian officials rejected the claim.\n",
    # a killing: two armed groups named as the killers of one journalist; one is a unit of an army
    "quill_a.txt": "OSKBY, May 7, 2031 (Northern Courier) - The Harrow Front killed the journalist Mara Quill in "
                   "Oskby on Tuesday, police said.\n\nQuill had reported on the militia for a decade.\n",
    "quill_b.txt": "OSKBY, May 7, 2031 (Eastern Ledger) - Mara Quill was killed in Oskby on Tuesday by the Kessel "
                   "Brigade, according to her family.\n\nThe Northern Army's Kessel Brigade controls the area.\n",
    "quill_c.txt": "Western Post, May 8, 2031\n\nThe Northern Army killed the journalist Mara Quill in Oskby on "
                   "Tuesday, her editor said.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("stories")
    for name, text in STORIES.items():
        (root / name).write_text(text, encoding="utf-8")
    corpus = analyze_corpus([str(root)], Settings(workers=1, progress=False))
    stem = {d.id: d.path.rsplit("/", 1)[-1].removesuffix(".txt") for d in corpus.documents}
    return corpus, stem


def test_one_place_conflict_for_the_crash_with_the_landmark_reading(corpus):
    corpus, stem = corpus
    (x,) = [c for c in corpus.conflicts if c.slot == "place"]
    assert {v.value: sorted(stem[d] for d in v.documents) for v in x.values} == \
        {"Dorval": ["crash_a"], "Pelham": ["crash_b", "crash_c"]}
    assert '"near Dorval"' in x.explanation


def test_one_agent_conflict_for_the_killing_and_no_heading_taken_for_an_agent(corpus):
    """Groups named as the killers (police, the family and the editor cited); the third report's heading above a
    blank line ("Western Post, May 8") is no agent: the sentence below it is parsed on its own and names its own."""
    corpus, stem = corpus
    (x,) = [c for c in corpus.conflicts if c.slot == "agent"]
    assert x.about == "who killed Mara Quill"
    assert {v.value: sorted(stem[d] for d in v.documents) for v in x.values} == \
        {"Harrow Front": ["quill_a"], "Kessel Brigade": ["quill_b"], "Northern Army": ["quill_c"]}
    assert not any("Western Post" in v.value for v in x.values)
    assert "Harrow Front according to police" in x.explanation
    assert "Kessel Brigade according to her family" in x.explanation
