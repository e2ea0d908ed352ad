"""Run extraction over a corpus: spaCy once per document, then mentions, then claims.

``extract_corpus`` runs spaCy once over every document, finds the people and
organisations (``mentions``), then what the text says about them (``claims``).

``extract_cached`` does the same with caches (``dossier.cache``): the spaCy
parse of each document is kept as a ``DocBin`` keyed by the analysis text and
the spaCy model, and the whole corpus's extraction is kept keyed by every
document and the extractor's code. Mention finding decides labels over all
documents at once, so when any document changes the cheap corpus steps run
again over every document (from the cached parses); only the changed
documents are parsed again. spaCy is loaded only if something must be parsed.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from dossier import __version__
from dossier.cache import CacheStore, code_fingerprint, digest
from dossier.extract.claims import analyse_document
from dossier.extract.mentions import find_mentions
from dossier.extract.nlp import model_version
from dossier.model import Extraction, SourceDocument

log = logging.getLogger(__name__)

Tick = Callable[[], None]

# Two processes pay off only when there is a lot to parse: starting a worker and
# loading spaCy in it costs a few seconds.
PARALLEL_MIN_DOCS = 24
PARALLEL_MIN_CHARS = 1_000_000
CACHE_FORMAT = "1"


def extractor_name(nlp: Language) -> str:
    """Provenance string: extractor version and spaCy pipeline."""
    return f"dossier-{__version__}+{model_version(nlp)}"


def choose_processes(texts: Sequence[str], processes: int | None = None) -> int:
    """1 for small inputs (and tests), 2 for large corpora; ``processes`` overrides."""
    if processes is not None:
        return max(1, processes)
    if len(texts) >= PARALLEL_MIN_DOCS and sum(len(t) for t in texts) >= PARALLEL_MIN_CHARS:
        return 2
    return 1


def parse_texts(
    texts: Sequence[str],
    nlp: Language,
    tick: Tick | None = None,
    processes: int | None = None,
) -> list[Doc]:
    """spaCy over ``texts`` in order; two worker processes for large inputs.

    The result does not depend on the number of processes (``nlp.pipe`` keeps
    the input order and the models are deterministic).
    """
    n_process = choose_processes(texts, processes)
    docs: list[Doc] = []
    if n_process > 1:
        stream = nlp.pipe(texts, n_process=n_process, batch_size=4)
    else:
        stream = nlp.pipe(texts)
    for doc in stream:
        docs.append(doc)
        if tick is not None:
            tick()
    return docs


def parse(
    sources: Sequence[SourceDocument],
    nlp: Language,
    tick: Tick | None = None,
    processes: int | None = None,
) -> list[Doc]:
    """spaCy over every document's analysis text (furniture blanked, offsets kept)."""
    return parse_texts([s.analysis_text() for s in sources], nlp, tick, processes)


def extract_docs(
    sources: Sequence[SourceDocument], docs: Sequence[Doc], extractor: str
) -> list[Extraction]:
    """Mentions (over the whole corpus) and claims (per document) from parsed docs."""
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


def extract_corpus(
    sources: Sequence[SourceDocument],
    nlp: Language,
    tick: Tick | None = None,
    processes: int | None = None,
) -> list[Extraction]:
    """Extract every document; ``tick`` is called once per parsed document."""
    docs = parse(sources, nlp, tick, processes)
    return extract_docs(sources, docs, extractor_name(nlp))


def model_identity(name: str) -> str:
    """What a parse depends on besides the text: spaCy, the pipeline and its version."""
    path = Path(name)
    if path.is_dir() and (path / "meta.json").is_file():
        version = digest((path / "meta.json").read_bytes())
    else:
        version = str(spacy.util.get_package_version(name))
    return f"spacy-{metadata.version('spacy')}:{name}:{version}"


def parse_key(text: str, model: str) -> str:
    return digest("parse", CACHE_FORMAT, model, text)


def corpus_key(sources: Sequence[SourceDocument], model: str) -> str:
    code = code_fingerprint("extract", "model", "ids", "ingest", "cache")
    parts: list[str] = ["corpus", CACHE_FORMAT, __version__, code, model]
    for source in sources:
        parts.append(digest(repr(source)))
    return digest(*parts)


def extract_cached(
    sources: Sequence[SourceDocument],
    model_name: str,
    load_nlp: Callable[[], Language],
    cache: CacheStore,
    tick: Tick | None = None,
    processes: int | None = None,
) -> list[Extraction]:
    """``extract_corpus`` through the caches; the same result, byte for byte."""
    model = model_identity(model_name)
    key = corpus_key(sources, model)
    cached = cache.get("extraction", key)
    if cached is not None:
        try:
            extractions = pickle.loads(cached)
        except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError) as exc:
            log.warning("cached extraction %s cannot be read (%s); extracting again", key, exc)
        else:
            if isinstance(extractions, list) and len(extractions) == len(sources):
                log.info("extraction of %d documents taken from the cache", len(sources))
                if tick is not None:
                    for _ in sources:
                        tick()
                return extractions
    texts = [s.analysis_text() for s in sources]
    keys = [parse_key(t, model) for t in texts]
    nlp: Language | None = None
    docs: list[Doc | None] = [None] * len(sources)
    todo: list[int] = []
    for i, k in enumerate(keys):
        data = cache.get("parse", k)
        if data is not None:
            if nlp is None:
                nlp = load_nlp()
            doc = _read_doc(data, nlp, k)
            if doc is not None and doc.text == texts[i]:
                docs[i] = doc
                if tick is not None:
                    tick()
                continue
        todo.append(i)
    if nlp is None:
        nlp = load_nlp()
    if len(todo) > 0:
        log.info("parsing %d of %d documents", len(todo), len(sources))
        parsed = parse_texts([texts[i] for i in todo], nlp, tick, processes)
        for i, doc in zip(todo, parsed, strict=True):
            docs[i] = doc
            box = DocBin(store_user_data=True)
            box.add(doc)
            cache.put("parse", keys[i], box.to_bytes())
    ready = [d for d in docs if d is not None]
    assert len(ready) == len(sources)
    extractions = extract_docs(sources, ready, extractor_name(nlp))
    cache.put("extraction", key, pickle.dumps(extractions, protocol=pickle.HIGHEST_PROTOCOL))
    return extractions


def _read_doc(data: bytes, nlp: Language, key: str) -> Doc | None:
    try:
        found = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    except (ValueError, KeyError, OSError) as exc:
        log.warning("cached parse %s cannot be read (%s); parsing again", key, exc)
        return None
    if len(found) != 1:
        return None
    doc: Doc = found[0]
    return doc
