"""Person names in general news: the CoNLL-2003 validation split, as one corpus.

``conll2003-valid.txt`` (IOB2, ``TOKEN POS CHUNK NER`` per line, a blank line
after each sentence, ``-DOCSTART-`` before each document) is read from the
reference folder. Each document is written as a text file in a temporary
folder: its sentences one per line, tokens joined by single spaces, so every
token's character offsets are known. All files then go through the path of
``dossier extract FILE...`` (``extract.files``: ingest, spaCy, mentions
decided over the whole corpus), and each PERSON mention is mapped back to the
tokens it covers. A mention that does not start and end on token boundaries
(the "Mike Mc" of "Mike McCurry") matches no gold span.

Scored: exact PER spans, over every sentence and over running-text sentences
(at least 8 tokens, at least half of them lower-case words), which leaves out
the results tables. Raw spaCy (its PERSON entities, each document parsed by
``nlp.pipe`` on its own) is scored in the same run as the baseline, on the
same parses the extractor starts from. Time: spaCy's ``nlp.pipe`` against the
extractor (the same parse plus the corpus-wide mention stage).
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from dossier.bench.reference import missing, reference_file, verbose
from dossier.bench.verdicts import judge, timed
from dossier.extract.corpus import parse
from dossier.extract.files import corpus_mentions, read_files
from dossier.extract.nlp import load_pipeline
from dossier.settings import Settings

SUITE = "conll"
F1_MIN = 0.90
PRECISION_MIN = 0.88
RUNNING_MIN_TOKENS = 8
TOP = 20


# -- the file -------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]  # NER tags, IOB2


@dataclass(frozen=True)
class Document:
    sentences: tuple[Sentence, ...]


def parse_iob(text: str) -> list[Document]:
    """Documents of a CoNLL-2003 file; loud on a line it cannot read."""
    documents: list[list[Sentence]] = []
    tokens: list[str] = []
    tags: list[str] = []

    def close_sentence() -> None:
        if len(tokens) > 0:
            if len(documents) == 0:
                raise ValueError("CoNLL: tokens before the first -DOCSTART-")
            documents[-1].append(Sentence(tuple(tokens), tuple(tags)))
            tokens.clear()
            tags.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if len(parts) == 0:
            close_sentence()
            continue
        if len(parts) != 4:
            raise ValueError(f"CoNLL line {number}: expected TOKEN POS CHUNK NER, got {line!r}")
        if parts[0] == "-DOCSTART-":
            close_sentence()
            documents.append([])
            continue
        tag = parts[3]
        if tag != "O" and (tag[:2] not in ("B-", "I-") or tag[2:] not in _TYPES):
            raise ValueError(f"CoNLL line {number}: unknown NER tag {tag!r}")
        tokens.append(parts[0])
        tags.append(tag)
    close_sentence()
    return [Document(tuple(d)) for d in documents if len(d) > 0]


_TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})


def entity_spans(tags: Sequence[str], kind: str = "PER") -> list[tuple[int, int]]:
    """Token spans [start, end) of ``kind`` entities (an I- without a B- starts one)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, tag in enumerate([*tags, "O"]):
        inside = tag == f"I-{kind}" and start is not None
        if start is not None and not inside:
            spans.append((start, i))
            start = None
        if tag in (f"B-{kind}", f"I-{kind}") and start is None:
            start = i
    return spans


def is_running_text(tokens: Sequence[str]) -> bool:
    """At least 8 tokens, at least half of them lower-case words."""
    lower = sum(1 for t in tokens if t.isalpha() and t.islower())
    return len(tokens) >= RUNNING_MIN_TOKENS and 2 * lower >= len(tokens)


# -- text and offsets -----------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """A document as text, with each token's place."""

    text: str
    starts: dict[int, tuple[int, int]]  # character offset -> (sentence, token) starting there
    ends: dict[int, tuple[int, int]]  # character offset -> (sentence, token) ending there

    def span_of(self, start: int, end: int) -> tuple[int, int, int] | None:
        """(sentence, first token, end token) when [start, end) is exactly whole tokens."""
        first, last = self.starts.get(start), self.ends.get(end)
        if first is None or last is None or first[0] != last[0] or last[1] < first[1]:
            return None
        return first[0], first[1], last[1] + 1


def layout(document: Document) -> Layout:
    """One sentence per line, tokens joined by single spaces."""
    pieces: list[str] = []
    starts: dict[int, tuple[int, int]] = {}
    ends: dict[int, tuple[int, int]] = {}
    at = 0
    for s, sentence in enumerate(document.sentences):
        for t, token in enumerate(sentence.tokens):
            if t > 0:
                pieces.append(" ")
                at += 1
            pieces.append(token)
            starts[at] = (s, t)
            ends[at + len(token)] = (s, t)
            at += len(token)
        pieces.append("\n")
        at += 1
    return Layout("".join(pieces), starts, ends)


# -- scoring --------------------------------------------------------------------

Span = tuple[int, int, int, int]  # (document, sentence, first token, end token)


@dataclass
class SpanScore:
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    false_positives: Counter[str] = field(default_factory=Counter)
    false_negatives: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted > 0 else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold > 0 else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0

    def line(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.correct} right of {self.predicted} predicted, {self.gold} gold)"
        )


def score_spans(
    gold: set[Span],
    predicted: set[Span],
    unaligned: Sequence[str],
    words: dict[Span, str],
) -> SpanScore:
    """Exact-span figures; ``unaligned`` predictions (not on token boundaries) are wrong."""
    score = SpanScore(gold=len(gold), predicted=len(predicted) + len(unaligned))
    score.correct = len(gold & predicted)
    score.false_positives.update(words[s] for s in predicted - gold)
    score.false_positives.update(unaligned)
    score.false_negatives.update(words[s] for s in gold - predicted)
    return score


@dataclass
class Predictions:
    """Predicted PERSON spans of one system over the corpus."""

    spans: set[Span] = field(default_factory=set)
    unaligned: list[tuple[int, int, str]] = field(default_factory=list)  # document, line, text

    def add(self, document: int, place: Layout, start: int, end: int) -> None:
        found = place.span_of(start, end)
        if found is None:
            line = place.text.count("\n", 0, start)
            self.unaligned.append((document, line, place.text[start:end]))
        else:
            self.spans.add((document, *found))


def _words(documents: Sequence[Document], spans: Iterable[Span]) -> dict[Span, str]:
    return {
        span: " ".join(documents[span[0]].sentences[span[1]].tokens[span[2] : span[3]])
        for span in spans
    }


def evaluate(
    documents: Sequence[Document], predictions: Predictions
) -> tuple[SpanScore, SpanScore]:
    """(every sentence, running-text sentences) against the gold PER spans."""
    gold: set[Span] = set()
    running: set[tuple[int, int]] = set()
    for d, document in enumerate(documents):
        for s, sentence in enumerate(document.sentences):
            gold.update((d, s, a, b) for a, b in entity_spans(sentence.tags))
            if is_running_text(sentence.tokens):
                running.add((d, s))
    words = _words(documents, gold | predictions.spans)
    overall = score_spans(gold, predictions.spans, [u[2] for u in predictions.unaligned], words)

    def kept(spans: set[Span]) -> set[Span]:
        return {s for s in spans if (s[0], s[1]) in running}

    in_running = [u[2] for u in predictions.unaligned if (u[0], u[1]) in running]
    return overall, score_spans(kept(gold), kept(predictions.spans), in_running, words)


# -- the run --------------------------------------------------------------------


def _spacy_persons(docs: Sequence[Doc], layouts: Sequence[Layout]) -> Predictions:
    found = Predictions()
    for d, (doc, place) in enumerate(zip(docs, layouts, strict=True)):
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                found.add(d, place, ent.start_char, ent.end_char)
    return found


def _top(counter: Counter[str]) -> str:
    return ", ".join(f"{word} {n}" for word, n in counter.most_common(TOP))


def run() -> list[str]:
    path = reference_file("conll2003-valid.txt")
    if path is None:
        return [missing("conll2003-valid.txt")]
    documents = parse_iob(path.read_text(encoding="utf-8"))
    layouts = [layout(d) for d in documents]
    settings = Settings.from_env()
    nlp = load_pipeline(settings.spacy_model)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for d, place in enumerate(layouts):
            paths.append(Path(tmp) / f"doc-{d:04d}.txt")
            paths[-1].write_text(place.text, encoding="utf-8")
        files, errors = read_files(paths, settings.max_text_bytes)
        if len(errors) > 0:
            raise RuntimeError(f"conll: {errors[0].file_name}: {errors[0].message}")
        index = {p: d for d, p in enumerate(paths)}
        order = [index[f.path] for f in files]
        list(nlp.pipe([files[0].source.analysis_text()]))  # warm up
        started = time.process_time()
        docs = parse([f.source for f in files], nlp)
        spacy_seconds = time.process_time() - started
        mentions = corpus_mentions(files, docs)
        extractor_seconds = time.process_time() - started
    blanked = sum(1 for f in files if f.source.analysis_text() != f.source.text)
    extractor = Predictions()
    for mention in mentions:
        if mention.record.label == "PERSON":
            d = index[mention.path]
            extractor.add(d, layouts[d], mention.record.start, mention.record.end)
    baseline = _spacy_persons(docs, [layouts[d] for d in order])
    # _spacy_persons numbers documents in parse order; put them back in file order.
    baseline.spans = {(order[s[0]], *s[1:]) for s in baseline.spans}
    baseline.unaligned = [(order[u[0]], u[1], u[2]) for u in baseline.unaligned]
    sentences = sum(len(d.sentences) for d in documents)
    tokens = sum(len(s.tokens) for d in documents for s in d.sentences)
    lines = [
        f"conll: {len(documents)} documents, {sentences} sentences, {tokens} tokens as one "
        f"corpus through `dossier extract`'s path; exact PER spans"
        + (f" ({blanked} documents had furniture blanked)" if blanked > 0 else "")
    ]
    figures = {}
    for label, found in (("spaCy alone", baseline), ("extractor", extractor)):
        overall, running = evaluate(documents, found)
        figures[label] = running
        lines.append(f"  {label:11} overall: {overall.line()}")
        lines.append(f"  {label:11} running text: {running.line()}")
        if verbose() and label == "extractor":
            for name, score in (("overall", overall), ("running text", running)):
                lines.append(f"      top false positives ({name}): {_top(score.false_positives)}")
                lines.append(f"      top false negatives ({name}): {_top(score.false_negatives)}")
    running = figures["extractor"]
    lines += [
        "  " + judge(SUITE, f"person F1 on running text >= {F1_MIN}", f"{running.f1:.3f}",
                     running.f1 >= F1_MIN),
        "  " + judge(SUITE, f"person precision on running text >= {PRECISION_MIN}",
                     f"{running.precision:.3f}", running.precision >= PRECISION_MIN),
        "  " + timed(SUITE, spacy_seconds, extractor_seconds),
    ]  # fmt: skip
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
