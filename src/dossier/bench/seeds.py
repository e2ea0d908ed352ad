"""The seed figures issue 12 must keep, judged on a build of seeds/.

- the seven core targets (the people tests/test_build.py requires as targets)
  are all candidate targets;
- no person annotated with a protected role (tests/data/annotations-*.json) is
  one, under any of their names;
- every evidence item's summary is a verbatim passage of its document.
"""

from __future__ import annotations

import json
from pathlib import Path

from dossier.bench.verdicts import judge
from dossier.build import BuildResult
from dossier.model import PROTECTED_ROLES
from dossier.settings import PROJECT_ROOT

SUITE = "seeds"
ANNOTATIONS = PROJECT_ROOT / "tests" / "data"
CORE_TARGETS = (
    "Kassym-Jomart Tokayev",
    "Nursultan Nazarbayev",
    "Azamat Kurmanov",
    "Aset Dzhumadiyev",
    "Elvira Azimova",
    "Timur Kulibayev",
    "Timur Turlov",
)


def protected_names(folder: Path = ANNOTATIONS) -> set[str]:
    names: set[str] = set()
    for path in sorted(folder.glob("annotations-*.json")):
        for person in json.loads(path.read_text(encoding="utf-8"))["persons"]:
            if person["role"] in PROTECTED_ROLES:
                names.add(person["name"])
    return names


def target_names(result: BuildResult) -> dict[str, set[str]]:
    """Each candidate target's name -> all its names."""
    out: dict[str, set[str]] = {}
    for target in result.targets:
        if target.is_target:
            cluster = result.clusters[target.id]
            out[cluster.name] = {cluster.name, *cluster.aliases}
    return out


def not_verbatim(result: BuildResult) -> list[str]:
    """Evidence items whose summary is not in their document's text."""
    texts = {s.id: s.text for s in result.sources}
    wrong = []
    for entity in result.export.entities:
        if entity.schema.name != "Documentation":
            continue
        documents = entity.get("document")
        summaries = entity.get("summary")
        if len(documents) != 1 or len(summaries) != 1 or summaries[0] not in texts.get(
            documents[0], ""
        ):
            wrong.append(str(entity.id))
    return wrong


def verdicts(result: BuildResult) -> list[str]:
    targets = target_names(result)
    every_name = set().union(*targets.values()) if len(targets) > 0 else set()
    missing = [name for name in CORE_TARGETS if name not in every_name]
    protected = sorted(protected_names() & every_name)
    evidence = sum(1 for e in result.export.entities if e.schema.name == "Documentation")
    wrong = not_verbatim(result)
    return [
        judge(
            SUITE,
            f"the {len(CORE_TARGETS)} core targets are candidate targets",
            f"{len(CORE_TARGETS) - len(missing)}/{len(CORE_TARGETS)}"
            + (f" (missing: {', '.join(missing)})" if len(missing) > 0 else ""),
            len(missing) == 0,
        ),
        judge(
            SUITE,
            "protected persons as candidate targets = 0",
            str(len(protected)) + (f" ({', '.join(protected)})" if len(protected) > 0 else ""),
            len(protected) == 0,
        ),
        judge(
            SUITE,
            "evidence verbatim",
            f"{evidence - len(wrong)}/{evidence} summaries are passages of their document",
            evidence > 0 and len(wrong) == 0,
        ),
    ]
