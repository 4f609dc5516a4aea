"""Writing results: dossier.json, dossier.html and exports."""
from .dossier import build_dossier, write_dossier_json  # noqa: F401
