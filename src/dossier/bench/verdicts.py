"""The issue-12 thresholds, each judged where it is measured and summed up at the end.

A suite calls ``judge`` for each threshold it measures (and ``timed`` for the
extractor-versus-spaCy time); ``python -m dossier.bench`` prints ``summary()``
after the last suite, one PASS / NOT MET line per threshold. Times are CPU
seconds of this process (``time.process_time``): the machine is shared, and
wall-clock time says more about the neighbours than about the code. Both
timed suites run in one process (corpora below ``PARALLEL_MIN_CHARS``).
"""

from __future__ import annotations

from dataclasses import dataclass

# The extractor may take at most this much longer than spaCy's nlp.pipe alone.
TIME_BUDGET = 0.5


@dataclass(frozen=True)
class Verdict:
    suite: str
    what: str  # the threshold, e.g. "people recall >= 0.95"
    figure: str  # what was measured
    met: bool

    def line(self) -> str:
        return f"{'PASS' if self.met else 'NOT MET':7} {self.suite}: {self.what}: {self.figure}"


@dataclass(frozen=True)
class Timing:
    suite: str
    spacy_seconds: float  # CPU time of nlp.pipe over the suite's texts
    extractor_seconds: float  # CPU time of the extractor over the same texts, spaCy included


_VERDICTS: list[Verdict] = []
_TIMINGS: list[Timing] = []


def judge(suite: str, what: str, figure: str, met: bool) -> str:
    """Record a verdict; returns its line for the suite's own output."""
    verdict = Verdict(suite, what, figure, met)
    _VERDICTS.append(verdict)
    return verdict.line()


def timed(suite: str, spacy_seconds: float, extractor_seconds: float) -> str:
    """Record the extractor's time next to spaCy's; returns the suite's line."""
    _TIMINGS.append(Timing(suite, spacy_seconds, extractor_seconds))
    return (
        f"CPU time: spaCy nlp.pipe {spacy_seconds:.2f} s, extractor (spaCy included) "
        f"{extractor_seconds:.2f} s = {_overhead(spacy_seconds, extractor_seconds)}"
    )


def _overhead(spacy_seconds: float, extractor_seconds: float) -> str:
    if spacy_seconds <= 0:
        return "n/a"
    return f"{100 * (extractor_seconds / spacy_seconds - 1):+.0f}% over spaCy"


def summary() -> list[str]:
    """One line per recorded threshold, then the time budget over every timed suite."""
    lines = [v.line() for v in _VERDICTS]
    if len(_TIMINGS) > 0:
        spacy = sum(t.spacy_seconds for t in _TIMINGS)
        total = sum(t.extractor_seconds for t in _TIMINGS)
        suites = "+".join(t.suite for t in _TIMINGS)
        met = spacy > 0 and total <= (1 + TIME_BUDGET) * spacy
        lines.append(
            Verdict(
                suites,
                f"extractor within +{100 * TIME_BUDGET:.0f}% of spaCy nlp.pipe time",
                f"{total:.1f} s vs {spacy:.1f} s CPU = {_overhead(spacy, total)}",
                met,
            ).line()
        )
    return lines


def clear() -> None:
    _VERDICTS.clear()
    _TIMINGS.clear()
