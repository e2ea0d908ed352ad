"""Run extraction over a corpus: spaCy once per document, then mentions, then claims.

``extract_corpus`` runs spaCy once over every document, finds the people and
organisations (``mentions``), then what the text says about them (``claims``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from dossier import __version__
from dossier.extract.claims import analyse_document
from dossier.extract.mentions import find_mentions
from dossier.extract.nlp import model_version
from dossier.model import Extraction, SourceDocument

Tick = Callable[[], None]


def extractor_name(nlp: Language) -> str:
    """Provenance string: extractor version and spaCy pipeline."""
    return f"dossier-{__version__}+{model_version(nlp)}"


def parse(sources: Sequence[SourceDocument], nlp: Language, tick: Tick | None = None) -> list[Doc]:
    """spaCy over every document's analysis text (furniture blanked, offsets kept)."""
    docs: list[Doc] = []
    for doc in nlp.pipe(source.analysis_text() for source in sources):
        docs.append(doc)
        if tick is not None:
            tick()
    return docs


def extract_corpus(
    sources: Sequence[SourceDocument], nlp: Language, tick: Tick | None = None
) -> list[Extraction]:
    """Extract every document; ``tick`` is called once per parsed document."""
    docs = parse(sources, nlp, tick)
    extractor = extractor_name(nlp)
    found = find_mentions(sources, docs)
    extractions: list[Extraction] = []
    for source, doc, mentions in zip(sources, docs, found, strict=True):
        analysis = analyse_document(source, doc, mentions)
        extractions.append(
            Extraction(
                source=source,
                extractor=extractor,
                mentions=mentions.mentions,
                entities=mentions.entities,
                claims=analysis.claims,
                positions=analysis.positions,
                relations=analysis.relations,
                roles=analysis.roles,
                deceased=analysis.deceased,
            )
        )
    return extractions
