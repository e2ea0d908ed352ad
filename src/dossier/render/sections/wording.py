"""The fixed vocabulary of a dossier's prose, and the phrases built from it.

Generated wording is fixed text around vocabulary values, never source text.
"""

from __future__ import annotations

from collections.abc import Iterable

from followthemoney import registry

from dossier.profile import SourceRef, fold

CATEGORY_ORDER: tuple[str, ...] = (
    "killing", "enforced_disappearance", "torture", "sexual_violence", "forced_labour",
    "detention", "unjust_conviction", "rights_abuse", "persecution", "cover_up",
    "corruption", "laundering", "sanctions_evasion", "election_fraud",
)  # fmt: skip
CATEGORY_NOUN: dict[str, str] = {
    "killing": "unlawful killings",
    "torture": "torture or cruel, inhuman or degrading treatment",
    "detention": "arbitrary arrest or detention",
    "enforced_disappearance": "enforced disappearances",
    "sexual_violence": "rape and other sexual violence",
    "forced_labour": "slavery or forced labour",
    "unjust_conviction": "unjust prosecution, conviction or sentencing",
    "rights_abuse": "serious human-rights abuse (the kind of abuse not stated)",
    "persecution": "the persecution of human-rights defenders, journalists, opposition "
    "figures or protesters",
    "cover_up": "the cover-up of, or failure to investigate, serious violations",
    "corruption": "corruption (misappropriation, bribery or kleptocracy)",
    "laundering": "the laundering or concealment of assets",
    "sanctions_evasion": "the circumvention of sanctions",
    "election_fraud": "the rigging or falsification of an election or vote",
}
CATEGORY_LABEL: dict[str, str] = {
    "killing": "Killings",
    "torture": "Torture / ill-treatment",
    "detention": "Arbitrary detention",
    "enforced_disappearance": "Enforced disappearance",
    "sexual_violence": "Sexual violence",
    "forced_labour": "Slavery / forced labour",
    "unjust_conviction": "Unjust conviction",
    "rights_abuse": "Human-rights abuse (kind not stated)",
    "persecution": "Persecution",
    "cover_up": "Cover-up / failure to investigate",
    "corruption": "Corruption",
    "laundering": "Laundering / concealment",
    "sanctions_evasion": "Sanctions evasion",
    "election_fraud": "Election fraud",
    "sanctions_call": "Call for sanctions",
    "designation": "Existing designation",
    "context": "Background",
}
PART_ORDER: tuple[str, ...] = ("ordered", "perpetrator", "complicit", "beneficiary", "accused")
PART_VERB: dict[str, str] = {
    "ordered": "is alleged to have ordered",
    "perpetrator": "is alleged to have taken part in",
    "complicit": "is alleged to have been complicit in",
    "beneficiary": "is alleged to have benefited from",
    "accused": "is accused of involvement in",
}
LINK_LABEL: dict[str, str] = {
    "ordered": "Command or order",
    "perpetrator": "Direct participation",
    "complicit": "Complicity or failure to act",
    "beneficiary": "Benefit or profit",
    "accused": "Named as responsible, act not stated",
}


def publisher(doc: SourceRef | None) -> str:
    """Who a footnote says the source is by."""
    if doc is None:
        return "publisher not stated"
    by = doc.attribution
    return by if by is not None else "publisher not stated"


def source_name(doc: SourceRef | None, number: int | None) -> str:
    """The source as the prose names it: its publisher or author, else what it is."""
    tag = f" [S{number}]" if number is not None else ""
    if doc is None:
        return "a source not in the export"
    by = doc.attribution
    if by is not None:
        return f"{by}{tag}"
    kind = "news article" if doc.schema == "Article" else "document"
    return f"an unattributed {kind}{tag}"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def independence_key(doc: SourceRef | None) -> str:
    if doc is None:
        return "?"
    return fold(doc.publisher) if doc.publisher is not None else f"unknown:{doc.id}"


def join_words(items: Iterable[str]) -> str:
    values = list(items)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def country_name(code: str) -> str:
    caption = registry.country.caption(code)
    return caption if caption is not None and caption != "" else code.upper()
