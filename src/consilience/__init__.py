"""consilience: turn a pile of articles about one story into an evidence-grounded dossier."""

__version__ = "0.1.0"
