"""What deciding a document reads of the corpus's knowledge (``dossier.readset``).

A document is decided again only when a fact it read changed. A fact should be
the outcome a rule uses, not the counts behind it: one more use of a word in a
new document must not send every document that looked the word up back to be
decided, unless the rule's outcome changes. Every text here is made up.
"""

from __future__ import annotations

from spacy.language import Language

from dossier.extract.candidates import collect
from dossier.extract.mentions import corpus_knowledge, document_mentions
from dossier.readset import ReadLog, still_valid, watch
from tests.test_names_hold import _source


def test_a_word_used_for_a_law_is_read_as_one_outcome_not_as_counts(nlp: Language) -> None:
    texts = [
        "Reporters waited outside the court. Dovrel told them the verdict was unjust.",
        "Campaigners praised Dovrel-style sanctions on officials.",
    ]
    views = [collect(_source(f"{i}.txt", t), nlp(t)) for i, t in enumerate(texts)]
    alone, both = corpus_knowledge(views[:1]), corpus_knowledge(views)
    log = ReadLog()
    document_mentions(views[0], watch(alone, log))
    entries = log.entries()
    eponym = [e for e in entries if e[0] == ".gazetteer.eponym_led"]
    assert eponym == [(".gazetteer.eponym_led", "in", "dovrel", "False")]
    assert not any(e[0] in (".gazetteer.eponym_uses", ".gazetteer.person_uses") for e in entries)
    # The other document makes "Dovrel" a word used for sanctions: the outcome changed.
    assert both.gazetteer.eponym_led == {"dovrel"}
    assert not still_valid(both, eponym, {})
    # More uses of the same kind change the counts, not the outcome: nothing to decide again.
    log = ReadLog()
    document_mentions(views[0], watch(both, log))
    both.gazetteer.eponym_uses["dovrel"] += 3
    assert still_valid(both, log.entries(), {})
