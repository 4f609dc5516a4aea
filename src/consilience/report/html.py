"""dossier.html: one self-contained file, no external requests; every piece of article text escaped."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

_env = Environment(
    loader=PackageLoader("consilience", "report/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(dossier: dict) -> str:
    return _env.get_template("dossier.html.j2").render(d=dossier)


def write_html(dossier: dict, path: Path) -> None:
    path.write_text(render_html(dossier), encoding="utf-8")
