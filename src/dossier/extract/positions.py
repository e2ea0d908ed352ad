"""Titles and descriptors next to a name, and the positions they state.

A *descriptor* is a noun phrase the text uses for a named entity: a title
before the name ("prosecutor Azamat Kurmanov"), an apposition ("Azamat
Kurmanov, an employee of the Prosecutor's Office of Almaty"; "the current
Commissioner for Human Rights, Elvira Azimova"), a predicate ("Kulibayev is
the head of KAZENERGY"), a signature line ("Adam Hug, Director, Foreign Policy
Centre") or an address-block line. Positions, roles and relations read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dossier.extract.allegations import lemma
from dossier.extract.anchors import DESCRIPTOR_NOUNS, OFFICE_NOUNS, anchor_of
from dossier.model import Mention, PositionFact, SourceDocument

# Head nouns that make a descriptor a position (office, job or occupation).
TITLE_NOUNS: frozenset[str] = OFFICE_NOUNS | frozenset(
    {
        "ex-member",
        "senator",
        "ceo",
    }
)
KIN_NOUNS: frozenset[str] = frozenset(
    {
        "son-in-law",
        "daughter-in-law",
        "father-in-law",
        "mother-in-law",
        "brother-in-law",
        "sister-in-law",
        "son",
        "daughter",
        "father",
        "mother",
        "brother",
        "sister",
        "wife",
        "husband",
        "nephew",
        "niece",
        "cousin",
        "uncle",
        "aunt",
        "grandson",
        "granddaughter",
        "relative",
    }
)
# A name that modifies one of these names the person who leads or led it.
RULER_NOUNS: frozenset[str] = frozenset(
    {"government", "regime", "administration", "presidency", "cabinet", "era"}
)
# Titles two people may share, written once before both names ("journalist A and B"):
# occupations. An office one person holds is not shared: in "Regional Governor A and B
# of the Interior Ministry" B is no governor (a plural title, "Presidents A and B", is).
SHARED_OCCUPATIONS: frozenset[str] = frozenset(
    {"journalist", "reporter", "correspondent", "editor", "photographer", "blogger"}
    | {"lawyer", "attorney", "defender", "activist", "campaigner", "dissident", "critic"}
    | {"researcher", "scholar", "expert", "analyst", "professor", "student", "doctor"}
    | {"businessman", "businesswoman", "financier", "musician"}
)
FORMER = frozenset({"former", "ex", "ex-", "then", "late", "previous", "erstwhile"})
CURRENT = frozenset({"current", "incumbent", "sitting", "serving"})
CLOSING = re.compile(
    r"^\s*(yours|sincerely|kind regards|best regards|regards|respectfully|signed|signatories)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Descriptor:
    """One descriptive phrase for one mention."""

    mention: int  # index into the resolved mention list
    text: str  # as written (without determiner or "former")
    head: str  # lower-case lemma of the head noun
    start: int  # character offsets of ``text`` in source.text
    end: int
    current: bool | None
    kind: str  # "title", "appos", "predicate", "signature", "address", "credit"
    tokens: tuple[int, ...] = ()  # token indices of the phrase (empty for lines)
    # Words modifying a title that are not part of it, such as the body or
    # country holding the office ("Global Affairs Canada" spokesperson).
    qualifier: str = ""


def _timing(tokens: Sequence[Token]) -> bool | None:
    for token in tokens:
        word = token.lower_
        if word in FORMER or word.startswith("ex-"):
            return False
        if word in CURRENT:
            return True
    return None


def _trim(doc: Doc, tokens: list[Token]) -> list[Token]:
    kept = [
        t
        for t in tokens
        if t.dep_ not in {"det", "poss", "case", "nummod"}
        and t.lower_ not in FORMER | CURRENT
        and not t.lower_.endswith("-old")
        and t.ent_type_ not in {"DATE", "CARDINAL"}
    ]
    while len(kept) > 0 and (kept[0].is_punct or kept[0].lower_ in {"and", "of"}):
        kept.pop(0)
    while len(kept) > 0 and (kept[-1].is_punct or kept[-1].lower_ in {"and", "of", "in"}):
        kept.pop()
    return kept


def _phrase(doc: Doc, head: Token, stop: set[int]) -> list[Token]:
    """Tokens of the noun phrase headed by ``head``, without clauses or ``stop``."""
    words: list[Token] = []
    stack = [head]
    while len(stack) > 0:
        token = stack.pop()
        if token.i in stop:
            continue
        words.append(token)
        for child in token.children:
            if _within_a_name(token, child):
                stack.append(child)  # "the Hong Kong and Macau Affairs Office"
                continue
            if child.dep_ in {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl"}:
                if child.dep_ == "punct" and child.text in {"“", "”", '"', "-"}:
                    stack.append(child)
                continue
            stack.append(child)
    words.sort(key=lambda t: t.i)
    # Keep the contiguous run around the head.
    run = [head]
    ids = {t.i for t in words}
    i = head.i - 1
    while i in ids:
        run.insert(0, doc[i])
        i -= 1
    i = head.i + 1
    while i in ids:
        run.append(doc[i])
        i += 1
    return run


def _within_a_name(token: Token, child: Token) -> bool:
    """ "and" between two capitalised words of one name ("director of the Hong Kong and
    Macau Affairs Office", "Secretary for Constitutional and Mainland Affairs"): the
    name goes on; two descriptors ("head of the police and a member of the council")
    stay two."""
    if token.pos_ != "PROPN":
        return False
    if child.dep_ == "cc":
        return child.lower_ in {"and", "&"} and any(
            _name_goes_on(token, c) for c in token.children if c.i > child.i
        )
    return _name_goes_on(token, child)


def _name_goes_on(token: Token, conj: Token) -> bool:
    """A capitalised conjunct on the same line that is no office of its own ("Colonel
    General and Deputy Chairman of ..." is a rank and a post)."""
    between = token.doc[min(token.i, conj.i) : max(token.i, conj.i) + 1]
    return (
        conj.dep_ == "conj"
        and conj.pos_ == "PROPN"
        and lemma(conj) not in DESCRIPTOR_NOUNS
        and not crosses_a_line(between)
    )


def crosses_a_line(tokens: Iterable[Token]) -> bool:
    """A line break inside or after any of ``tokens``."""
    return any("\n" in t.text_with_ws for t in tokens)


def _titles_another(head: Token, tokens: list[Token], person_tokens: set[int]) -> bool:
    """ "Police Commissioner A, his predecessor B, Secretary for Security C": the parser
    hangs C on "predecessor", but a descriptor written right before another person's
    name is that person's title (not one whose "of" names the other: "a son-in-law of
    X, NAME"); so is a singular one that another person's name follows as its
    apposition ("the head of the committee, Mr NAME"). A plural one describes each name
    of its list ("three former members of the Guard: A, B and C")."""
    words = [t for t in tokens if not t.is_space]
    if len(words) == 0:
        return False
    last = words[-1].i
    doc = head.doc
    if "\n" in doc[last].whitespace_ or (last + 1 < len(doc) and doc[last + 1].is_space):
        return False  # "NAME - title" lines: the next line's name is no apposition
    if head.tag_ not in {"NNS", "NNPS"} and any(
        c.dep_ == "appos"
        and c.i in person_tokens
        and (c.left_edge.i == last + 1 or (c.left_edge.i == last + 2 and doc[last + 1].text == ","))
        for c in head.children
    ):
        return True
    return last + 1 in person_tokens and words[-1].pos_ not in {"ADP", "DET", "PART"}


def _misread_plural(token: Token) -> bool:
    """A lowercase plural noun that is no descriptor: in "US sanctions Chechnya head" a
    verb the parser read as a noun, which a title does not run across ("human rights
    defender" keeps its "rights")."""
    hyphened = token.i > 0 and token.doc[token.i - 1].text in {"-", "‐"}  # foreign-affairs
    return (
        token.tag_ == "NNS"
        and token.is_lower
        and not hyphened
        and lemma(token) not in DESCRIPTOR_NOUNS
        and lemma(token) != "right"
    )


def _make(doc: Doc, index: int, head: Token, tokens: list[Token], kind: str) -> Descriptor | None:
    cut = max((t.i for t in tokens if t.i < head.i and _misread_plural(t)), default=-1)
    tokens = [t for t in tokens if t.i > cut]
    timing = _timing(tokens)
    kept = _trim(doc, tokens)
    if len(kept) == 0:
        return None
    last = kept[-1].i
    phrase = doc[kept[0].i : last + 1].text  # Doc.text would rebuild the whole text
    unbalanced = phrase.count("“") > phrase.count("”")
    if last + 1 < len(doc) and doc[last + 1].text in {"”", '"'} and unbalanced:
        last += 1
    start = kept[0].idx
    end = doc[last].idx + len(doc[last].text)
    text = doc[kept[0].i : last + 1].text.strip()
    return Descriptor(index, text, lemma(head), start, end, timing, kind, tuple(t.i for t in kept))


def _qualifier(doc: Doc, first: int, span: Span) -> str:
    """Modifiers left of a title run that hang on the title or the name: the
    office's body or country ("Foreign Affairs" Minister, "Conservative
    foreign-affairs" critic), which the run itself stops short of."""
    low = first
    i = first - 1
    while i >= span.sent.start:
        word = doc[i]
        if word.pos_ not in {"PROPN", "ADJ", "NOUN", "PUNCT"} or word.text in {",", "(", ")"}:
            break
        if word.dep_ not in {"compound", "amod", "nmod", "punct"} or not (
            i < word.head.i < span.end
        ):
            break
        low = i
        i -= 1
    if low == first:
        return ""
    return doc[low:first].text


def _office_of_body(doc: Doc, i: int, span: Span, people: set[int]) -> int | None:
    """ "Major of Justice", "Secretary for Security", "Minister for Roads and Bridges"
    right before a name (ending at ``i``): a capitalised office noun, "of" or "for", and
    up to four capitalised words for the body or the portfolio (an organisation's
    mention among them: "Secretary of State"). The office noun's index, or None; never
    across another person's name (``people``)."""
    j = i
    words = 0
    while j > span.sent.start and j not in people and words < 5:
        word = doc[j]
        if word.lower_ in {"and", "&", "the"} and words > 0:
            j -= 1
            continue
        if word.lower_ in {"of", "for"} and words > 0:
            rank = doc[j - 1]
            if j - 1 in people or j - 1 < span.sent.start:
                return None
            if lemma(rank) in OFFICE_NOUNS and rank.text[:1].isupper():
                return j - 1
            return None
        if not (word.pos_ in {"PROPN", "ADJ", "NOUN"} and word.text[:1].isupper()):
            return None
        words += 1
        j -= 1
    return None


def mention_descriptors(
    doc: Doc, index: int, span: Span, others: set[int], person_tokens: set[int]
) -> list[Descriptor]:
    """Descriptive phrases the parse ties to one mention."""
    out: list[Descriptor] = []
    own = {t.i for t in span}
    stop = own | person_tokens
    root = span.root
    # Titles right before the name: "Kazakhstani President Kassym-Jomart
    # Tokayev", "Human rights defender Aya Sadvakasova" (read off the words,
    # not the parse, which often splits such titles from the name).
    run: list[Token] = []
    i = span.start - 1
    office = _office_of_body(doc, i, span, person_tokens)
    service = office is not None
    if office is not None:
        # "Major of Justice Oleg Rudin", "Secretary for Security NAME": an office of a
        # body or portfolio before the name
        run = list(doc[office : i + 1])
        i = office - 1
    while i >= span.sent.start and i not in others:
        word = doc[i]
        describes = lemma(word) in DESCRIPTOR_NOUNS or word.lower_ in DESCRIPTOR_NOUNS
        if (word.pos_ in {"NOUN", "ADJ", "PROPN"} or describes) and word.head.i >= word.i:
            titled = any(lemma(t) in DESCRIPTOR_NOUNS for t in run)
            if word.pos_ == "PROPN" and not describes and not titled:
                break  # a place or name before the name, not a title
            run.insert(0, word)
            i -= 1
            continue
        break
    nouns = [t for t in run if lemma(t) in DESCRIPTOR_NOUNS or t.lower_ in DESCRIPTOR_NOUNS]
    if len(nouns) > 0 and (service or lemma(run[-1]) in DESCRIPTOR_NOUNS | {"defender", "rights"}):
        made = _make(doc, index, nouns[-1], run, "title")
        if made is not None:
            qualifier = _qualifier(doc, run[0].i, span)
            out.append(replace(made, qualifier=qualifier) if qualifier != "" else made)
    ruled = root.head
    if root.dep_ in {"compound", "nmod"} and lemma(ruled) in RULER_NOUNS and ruled.i >= span.end:
        # "the Tokayev government", "the Nazarbayev-era": the body or time the
        # person leads or led (the word alone, not what the sentence says of it).
        made = _make(doc, index, ruled, [ruled], "title")
        if made is not None:
            out.append(made)
    anchor = anchor_of(span, others)
    # Walk from the name to its phrase head: each descriptor noun on the way.
    token = root
    seen: set[int] = set()
    while token.i not in seen:
        seen.add(token.i)
        if (
            token.i not in own
            and (lemma(token) in DESCRIPTOR_NOUNS or token.pos_ == "NOUN")
            and token.pos_ in {"NOUN", "PROPN"}
            and token.i not in others
        ):
            tokens = _phrase(doc, token, stop)
            kind = "appos" if token.i < span.start else "title"
            made = _make(doc, index, token, tokens, kind)
            if made is not None and not _titles_another(token, tokens, person_tokens):
                out.append(made)
        for child in token.children:
            if child.dep_ == "appos" and child.i not in stop and child.i > span.start:
                phrase = _phrase(doc, child, stop)
                made = _make(doc, index, child, phrase, "appos")
                if made is not None and not _titles_another(child, phrase, person_tokens):
                    out.append(made)
                for conj in child.children:
                    if conj.dep_ == "conj" and conj.pos_ == "NOUN":
                        phrase = _phrase(doc, conj, stop)
                        made = _make(doc, index, conj, phrase, "appos")
                        if made is not None and not _titles_another(conj, phrase, person_tokens):
                            out.append(made)
        if token.i in (anchor.i, token.head.i):
            break
        if token.dep_ == "conj" and len(out) > 0:
            break
        if token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children):
            break  # "Nazarbayev’s son-in-law" describes someone else
        token = token.head
    # Predicates: "X is the head of KAZENERGY ... and an ex-member of ...".
    if anchor.dep_ == "nsubj" and lemma(anchor.head) == "be":
        for child in anchor.head.children:
            if child.dep_ == "attr" and child.pos_ in {"NOUN", "PROPN"}:
                heads = [child, *[c for c in child.children if c.dep_ == "conj"]]
                # "... and an ex-member of the Board": the parser often hangs
                # the second predicate on the first as an apposition.
                heads.extend(c for h in list(heads) for c in h.children if c.dep_ == "appos")
                heads = [h for h in heads if h.pos_ == "NOUN"]
                for head in heads:
                    made = _make(doc, index, head, _phrase(doc, head, stop), "predicate")
                    if made is not None:
                        out.append(made)
    return [d for d in out if d.end <= span.start_char or d.start >= span.end_char]


def line_of(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def signature_mentions(source: SourceDocument, mentions: Sequence[Mention]) -> set[int]:
    """Mentions that open a "Name, Title, Organisation" line after a letter's closing."""
    text = source.text
    closing = None
    for match in re.finditer(r"(?m)^.*$", text):
        if CLOSING.match(match.group(0)) is not None and len(match.group(0).strip()) < 40:
            closing = match.end()
    if closing is None:
        return set()
    found: set[int] = set()
    for index, mention in enumerate(mentions):
        if mention.start < closing or mention.label != "PERSON":
            continue
        start, end = line_of(text, mention.start)
        line = text[start:end]
        if text[start : mention.start].strip() != "" or len(line) > 200:
            continue
        rest = text[mention.end : end]
        if rest.strip() == "" or rest.lstrip().startswith(","):
            found.add(index)
    return found


def line_descriptors(
    source: SourceDocument, mentions: Sequence[Mention], signatures: set[int]
) -> list[Descriptor]:
    """Signature lines, address blocks and photo credits."""
    text = source.text
    out: list[Descriptor] = []
    for index, mention in enumerate(mentions):
        if mention.label != "PERSON":
            continue
        start, end = line_of(text, mention.start)
        if index in signatures:
            rest = text[mention.end : end]
            offset = mention.end
            for part in re.finditer(r"[^,]+", rest):
                segment = part.group(0)
                seg_start = offset + part.start() + (len(segment) - len(segment.lstrip()))
                seg_end = offset + part.end() - (len(segment) - len(segment.rstrip()))
                words = {w.lower().strip("()") for w in segment.split()}
                if seg_end > seg_start and words & TITLE_NOUNS:
                    title = text[seg_start:seg_end]
                    head = next(w for w in reversed(title.lower().split()) if w in TITLE_NOUNS)
                    out.append(
                        Descriptor(index, title, head, seg_start, seg_end, None, "signature")
                    )
            continue
        after = text[mention.end : mention.end + 40]
        if re.match(r"/[A-Z][\w.&]+", after) is not None:
            out.append(
                Descriptor(
                    index,
                    "photographer",
                    "photographer",
                    mention.start,
                    mention.end,
                    None,
                    "credit",
                )
            )
            continue
        # Address block: the name alone on its line, a title on the next line.
        if text[start : mention.start].strip() == "" and text[mention.end : end].strip() == "":
            following = text[end:].lstrip("\n")
            next_start = len(text) - len(following)
            next_end = text.find("\n", next_start)
            next_end = len(text) if next_end == -1 else next_end
            line = text[next_start:next_end].strip()
            first = line.split()[0].lower() if line != "" else ""
            if first in TITLE_NOUNS and len(line) < 120:
                out.append(
                    Descriptor(
                        index,
                        line,
                        first,
                        next_start,
                        next_start + len(line),
                        None,
                        "address",
                    )
                )
    return out


def find_positions(
    source: SourceDocument,
    doc: Doc,
    mentions: Sequence[Mention],
    spans: dict[int, Span],
    token_owner: dict[int, int],
) -> list[PositionFact]:
    """One ``PositionFact`` per title or office descriptor of a resolved mention."""
    facts: list[PositionFact] = []
    seen: set[tuple[str, str]] = set()
    for descriptor in all_descriptors(source, doc, mentions, spans, token_owner):
        if descriptor.head not in TITLE_NOUNS or descriptor.head in KIN_NOUNS:
            continue
        if descriptor.kind == "credit" or mentions[descriptor.mention].label != "PERSON":
            continue
        heads = [doc[i] for i in descriptor.tokens if lemma(doc[i]) == descriptor.head]
        if any(t.tag_ in {"NNS", "NNPS"} for t in heads):
            continue  # a group the person belongs to ("top Kazakh officials")
        key = mentions[descriptor.mention].entity_key
        assert key is not None
        start, end = _evidence(source, doc, descriptor, mentions[descriptor.mention])
        marker = (key, descriptor.text.lower())
        if marker in seen:
            continue
        seen.add(marker)
        facts.append(PositionFact(key, descriptor.text, start, end, descriptor.current))
    return facts


def _evidence(
    source: SourceDocument, doc: Doc, descriptor: Descriptor, mention: Mention
) -> tuple[int, int]:
    """The passage that shows a descriptor: its sentence or its lines, trimmed."""
    text = source.text
    if descriptor.kind in {"signature", "address", "credit"}:
        start = min(descriptor.start, mention.start)
        end = max(descriptor.end, mention.end)
        line_start, _ = line_of(text, start)
        _, line_end = line_of(text, end - 1)
        start, end = line_start, line_end
    else:
        sent = doc[descriptor.tokens[0]].sent if len(descriptor.tokens) > 0 else None
        if sent is None:
            return descriptor.start, descriptor.end
        start, end = sent.start_char, sent.end_char
        low = min(descriptor.start, mention.start)
        high = max(descriptor.end, mention.end)
        line_start, _ = line_of(text, low)
        _, line_end = line_of(text, high - 1)
        start, end = max(start, line_start), min(end, line_end)
    chunk = text[start:end]
    start += len(chunk) - len(chunk.lstrip())
    end = start + len(text[start:end].rstrip())
    return start, end


def all_descriptors(
    source: SourceDocument,
    doc: Doc,
    mentions: Sequence[Mention],
    spans: dict[int, Span],
    token_owner: dict[int, int],
) -> list[Descriptor]:
    """Every descriptor of every resolved mention in a document."""
    signatures = signature_mentions(source, mentions)
    out = line_descriptors(source, mentions, signatures)
    people = {t for t, owner in token_owner.items() if mentions[owner].label == "PERSON"}
    by_mention: dict[int, list[Descriptor]] = {}
    for index in sorted(spans):
        span = spans[index]
        others = {t for t, owner in token_owner.items() if owner != index}
        found = mention_descriptors(doc, index, span, others, people - {t.i for t in span})
        if len(found) == 0 and mentions[index].label == "PERSON":
            found = _shared_title(doc, index, span, spans, by_mention)
        by_mention[index] = found
    by_mention = _titles_before_names(doc, spans, by_mention, mentions)
    for index in sorted(by_mention):
        out.extend(by_mention[index])
    return out


def _titles_before_names(
    doc: Doc,
    spans: dict[int, Span],
    by_mention: dict[int, list[Descriptor]],
    mentions: Sequence[Mention],
) -> dict[int, list[Descriptor]]:
    """ "sanctions on the Minister of X, A, Y's Chief of Staff, B, the Chief of Protocol, C":
    in a list written title first, the title after a name is the next name's (the parser
    makes it the name before's apposition). A title written right before the list's first
    name, with a comma between, shows the order; each title that runs up to ", B" then
    moves from the name before to B (or is nobody's when B is no person mention)."""
    people = sorted(
        (span.start, index) for index, span in spans.items() if mentions[index].label == "PERSON"
    )
    starts = {span.start: index for _, index in people for span in [spans[index]]}
    out = {index: list(found) for index, found in by_mention.items()}
    for _, a in people:
        first = spans[a]
        if not any(_runs_up_to(doc, d, first.start) for d in out.get(a, [])):
            continue
        for descriptor in list(out.get(a, [])):
            if descriptor.kind != "appos" or len(descriptor.tokens) == 0:
                continue
            if min(descriptor.tokens) <= first.end:
                continue
            following = _name_after(doc, descriptor, first.sent.end)
            if following is None:
                continue
            out[a].remove(descriptor)
            b = starts.get(following)
            if b is not None:
                out[b] = [replace(descriptor, mention=b), *out.get(b, [])]
    return out


def _name_after(doc: Doc, descriptor: Descriptor, limit: int) -> int | None:
    """Where the capitalised name starts that a descriptor runs up to (", NAME"), or None."""
    last = max(descriptor.tokens)
    for start in range(last + 2, min(last + 6, limit)):
        if _runs_up_to(doc, descriptor, start):
            word = doc[start]
            if word.pos_ == "PROPN" and word.is_title and lemma(word) not in DESCRIPTOR_NOUNS:
                return start
            return None
    return None


def _runs_up_to(doc: Doc, descriptor: Descriptor, start: int) -> bool:
    """The descriptor ends right before ", " and the name at ``start``: "the Chief of
    Protocol, NAME" (words the descriptor left out may end its phrase: "the Director of
    the Radio and Television, NAME")."""
    if len(descriptor.tokens) == 0 or start < 2 or doc[start - 1].text != ",":
        return False
    rest = doc[max(descriptor.tokens) + 1 : start - 1]
    return len(rest) <= 3 and all(
        t.pos_ in {"CCONJ", "PROPN", "NOUN", "ADJ"} and t.text != "," for t in rest
    )


def _shared_title(
    doc: Doc,
    index: int,
    span: Span,
    spans: dict[int, Span],
    by_mention: dict[int, list[Descriptor]],
) -> list[Descriptor]:
    """ "Human rights defender X and Y": a title before X also describes Y, when two
    people can hold it (``_shared``)."""
    if span.start < 2 or doc[span.start - 1].lower_ not in {"and", ","}:
        return []
    for other, other_span in spans.items():
        if other_span.end == span.start - 1 and other in by_mention:
            return [
                Descriptor(index, d.text, d.head, d.start, d.end, d.current, d.kind, d.tokens)
                for d in by_mention[other]
                if d.kind == "title" and d.end <= other_span.start_char and _shared(doc, d)
            ]
    return []


def _shared(doc: Doc, descriptor: Descriptor) -> bool:
    """A title two people may hold: a plural one ("Presidents"), or an occupation
    (``SHARED_OCCUPATIONS``); not an office of one ("Regional Governor")."""
    heads = [doc[i] for i in descriptor.tokens if lemma(doc[i]) == descriptor.head]
    plural = any(t.tag_ in {"NNS", "NNPS"} for t in heads)
    return plural or descriptor.head in SHARED_OCCUPATIONS


def evidence_span(
    source: SourceDocument, doc: Doc, descriptor: Descriptor, mention: Mention
) -> tuple[int, int]:
    """Public form of the evidence passage for a descriptor."""
    return _evidence(source, doc, descriptor, mention)
