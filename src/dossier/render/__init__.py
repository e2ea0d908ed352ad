"""Render dossiers and advocacy letters as PDF (jinja2 templates + WeasyPrint).

Only bundled assets under templates/ are ever fetched (``fetcher``); every
template autoescapes and fails on undefined values (``pdf``).
"""

from __future__ import annotations

from dossier.render.dossier import (
    RenderError,
    RenderOptions,
    dossier_context,
    dossier_path,
    render_all,
    render_dossier_html,
    render_dossier_pdf,
)
from dossier.render.fetcher import AssetRefusedError, BundledAssetFetcher

__all__ = [
    "AssetRefusedError",
    "BundledAssetFetcher",
    "RenderError",
    "RenderOptions",
    "dossier_context",
    "dossier_path",
    "render_all",
    "render_dossier_html",
    "render_dossier_pdf",
]
