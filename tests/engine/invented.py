"""Invented news-like documents (our own sentences) with varied names, places, dates and figures."""
from __future__ import annotations

import random

from consilience.model import Document

FIRST = ["Marta", "Ilyas", "Odile", "Kwame", "Sunniva", "Tomasz", "Reza", "Ayesha", "Bruno", "Lin"]
LAST = ["Varga", "Okonkwo", "Haldane", "Petrov", "Moreau", "Ishikawa", "Castell", "Duarte", "Brenner", "Sato"]
CITIES = ["Port Elsa", "Varnholm", "Caldera Bay", "New Tessin", "Oskarsborg", "Lindqvist Falls"]
AGENCIES = ["the Harbour Authority", "the Ministry of Water", "the Northern Rail Company", "the City Council",
            "the Coastal Guard", "the Regional Health Board"]
EVENTS = ["a flood", "a rail strike", "a warehouse fire", "a bridge closure", "a power cut", "a ferry collision"]
MONTHS = ["January", "March", "May", "July", "September", "November"]

TEMPLATES = [
    "{city} — {first} {last}, a spokesperson for {agency}, said on {month} {day} that {event} had forced "
    "{n} families from their homes. \"We are doing everything we can,\" {last} told reporters. "
    "Officials estimated the damage at about {m} million dollars, although {agency2} put the figure higher.",
    "{agency} confirmed on Tuesday that {event} near {city} left {n} people injured. {first} {last}, who "
    "leads the inquiry, said the first report would arrive within {k} weeks. Residents said more than "
    "{m} homes were without water.",
    "In {month}, {event} in {city} drew criticism of {agency}. According to {first} {last}, at least {n} "
    "workers were affected and {m} complaints were filed. The council will meet again on {month} {day}.",
]


def invented_text(i: int) -> str:
    rng = random.Random(i)
    fields = {
        "first": rng.choice(FIRST), "last": rng.choice(LAST), "city": rng.choice(CITIES),
        "agency": rng.choice(AGENCIES), "agency2": rng.choice(AGENCIES), "event": rng.choice(EVENTS),
        "month": rng.choice(MONTHS), "day": rng.randint(1, 28), "n": rng.randint(3, 900),
        "m": rng.randint(2, 80), "k": rng.randint(2, 9),
    }
    paragraphs = [TEMPLATES[(i + j) % len(TEMPLATES)].format(**fields) for j in range(1 + i % 3)]
    return "\n\n".join(paragraphs)


def invented_documents(n: int, start: int = 0) -> list[Document]:
    return [Document(id=f"inv{i:05d}", path=f"invented/{i:05d}.txt", text=invented_text(i),
                     published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", language="en")
            for i in range(start, start + n)]
