"""Page furniture: navigation, share and subscription lines a web page wraps around
the text. Found as spans so that the text itself, and every offset into it, stays
as it is; ``SourceDocument.analysis_text()`` blanks them.

Conservative by design: a line counts only when the WHOLE line (trimmed) matches
one pattern, and lines over ``MAX_FURNITURE_CHARS`` never count. Credits such as
"Image: Reuters." or "PAVEL MIKHEYEV/Reuters" are NOT furniture: they name real
people and organisations (photographers, agencies) that extraction should see.
"""

from __future__ import annotations

import re

from dossier.model import Span

MAX_FURNITURE_CHARS = 300

_NAV_TARGET = (
    r"(?:the\s+)?(?:main\s+|primary\s+)?"
    r"(?:content|navigation|nav|menu|sidebar|footer|search|article|main)"
)
_SEP = r"\s*[|·•]?\s*"

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # accessibility skip links, one or several on a line
        rf"(?:skip\s+to\s+{_NAV_TARGET}{_SEP})+",
        # back-to-top buttons
        r"(?:scroll|back|go|return|jump)(?:\s+to)?\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?",
        # navigation toggles
        r"(?:toggle|open|close)\s+(?:navigation|menu|search)|main\s+menu|menu|search",
        # teaser blocks after the article
        r"(?:related|recommended|popular|trending|more|latest)\s+"
        r"(?:posts?|articles?|stories|reading|content|news|videos?)\s*:?",
        r"(?:read|watch)\s+(?:more|next|also)\s*:?",
        r"you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)\s*:?",
        # share and comment widgets
        r"share(?:\s+(?:this|on|via)(?:\s+(?:article|story|post|page|facebook|twitter|x|"
        r"linkedin|whatsapp|telegram|e-?mail))?)?\s*:?",
        r"(?:leave|post)\s+a\s+(?:comment|reply)|\d*\s*comments?|print(?:\s+this\s+page)?",
        r"advertisement|sponsored(?:\s+content)?",
        # subscription and newsletter footers
        r"subscribe(?:\s+(?:now|today|here))?[.!]?",
        r"(?:for\s+subscribers|subscribe|sign\s+up|newsletter|get\s+(?:exclusive|our|the\s+latest))"
        r"\b.*\b(?:subscri\w*|newsletters?|briefings?|sign(?:ing)?\s+up|inbox)\b.*",
        # cookie banners and their buttons
        r"(?:we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies|"
        r"by\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:web)?site)\b.*",
        r"(?:accept|reject|allow|decline)\s+(?:all(?:\s+cookies)?|cookies)|"
        r"(?:cookie|privacy)\s+(?:settings|preferences|policy|notice|consent)|"
        r"manage\s+(?:cookies|preferences|cookie\s+preferences)",
        # copyright footers
        r"(?:copyright\s*)?©.*|copyright\b.*\ball\s+rights\s+reserved\.?",
    )
)

_LINE = re.compile(r"[^\r\n]+")


def find_furniture(text: str) -> tuple[Span, ...]:
    """Spans of whole lines of ``text`` that are page furniture, in order."""
    spans: list[Span] = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped == "" or len(stripped) > MAX_FURNITURE_CHARS:
            continue
        if any(pattern.fullmatch(stripped) for pattern in _PATTERNS):
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append(Span(start, start + len(stripped)))
    return tuple(spans)
