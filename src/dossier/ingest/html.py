"""Visible text of an HTML page, with the stdlib parser.

Nothing is fetched or resolved: links, images, stylesheets and imports are
markup, and markup is dropped. Only character data a reader would see remains.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from dossier.ingest.errors import UnusableSourceError

# Elements whose content is never shown as text.
_HIDDEN_ELEMENTS = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"}
)
# Elements that start a new paragraph (blank line) ...
_PARAGRAPHS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol",
        "dl", "figure", "hr", "section", "article", "header", "footer", "nav", "aside", "main",
        "address", "fieldset", "form", "details",
    }
)  # fmt: skip
# ... or a new line.
_LINES = frozenset(
    {"div", "br", "li", "tr", "dt", "dd", "figcaption", "caption", "summary", "legend", "option"}
)
# Cells are separated by a space.
_CELLS = frozenset({"td", "th"})
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    }
)  # fmt: skip
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_INLINE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Break markers in the run list, resolved by _layout into "\n\n" and "\n".
_PARAGRAPH_BREAK = 2
_LINE_BREAK = 1


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str | int] = []
        self.title_parts: list[str] = []
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._in_title = False
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth += 1
            elif tag == "body" and self._skip_tag == "head":
                self._skip_tag = None  # an unclosed <head> ends where <body> starts
            elif tag == "title" and self._skip_tag == "head":
                self._in_title = True
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in _HIDDEN_ELEMENTS or (tag not in _VOID and _is_hidden(attrs)):
            self._skip_tag = tag
            self._skip_depth = 1
            return
        self._break(tag)
        if tag == "pre":
            self._pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is None and tag in _VOID:
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip_tag = None
            return
        if tag == "pre" and self._pre_depth > 0:
            self._pre_depth -= 1
        if tag not in _VOID and tag not in _CELLS:
            self._break(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif self._skip_tag is None:
            self.parts.append(data if self._pre_depth > 0 else _HTML_SPACE.sub(" ", data))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Browsers read an unknown ``<![...`` section as a bogus comment; so do we."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def _break(self, tag: str) -> None:
        if tag in _PARAGRAPHS:
            self.parts.append(_PARAGRAPH_BREAK)
        elif tag in _LINES:
            self.parts.append(_LINE_BREAK)
        elif tag in _CELLS:
            self.parts.append(" ")


def _is_hidden(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "style" and value is not None and _INLINE_HIDDEN.search(value):
            return True
    return False


def _layout(parts: list[str | int]) -> str:
    """Join text runs; breaks become newlines (at most one blank line), edge spaces go."""
    blocks: list[str] = []
    current: list[str] = []
    pending = 0  # newlines owed before the next block
    for part in [*parts, _LINE_BREAK]:
        if isinstance(part, str):
            current.append(part)
            continue
        text = "".join(current).strip(" ")
        current = []
        if text != "":
            blocks.append("\n" * pending + text)
            pending = 0
        if len(blocks) > 0:
            pending = max(pending, part)
    return "".join(blocks)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return the visible text of ``markup`` and its ``<title>`` (None if absent)."""
    parser = _VisibleText()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError) as exc:  # _markupbase rejects some declarations
        raise UnusableSourceError(f"malformed HTML the parser cannot read ({exc})") from exc
    title = _HTML_SPACE.sub(" ", "".join(parser.title_parts)).strip()
    return _layout(parser.parts), (title if title != "" else None)
