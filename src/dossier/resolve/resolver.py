"""nomenklatura ``Resolver`` glue: the judgement graph of one resolution run.

The resolver table (``dossier_identity`` at the configured database URL; SQLite
by default, PostgreSQL by URL) is derived state: it is emptied and rebuilt from
the decision file and the matching rules on every run, so the versioned files
stay the single source of truth. Judgements written by the rules carry the
users ``dossier:auto`` (merge) and ``dossier:rule`` (kept apart).

nomenklatura mints random ``NK-…`` cluster IDs; they never leave this module.
Cluster members are the local keys, and the caller derives deterministic IDs.
A group of spelling-identical names is one node in the table (``represent``):
the rule that merges them needs no edge per mention.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from followthemoney import EntityProxy, StatementEntity, model
from nomenklatura.db import make_session
from nomenklatura.judgement import Judgement
from nomenklatura.resolver import Resolver
from nomenklatura.resolver.identifier import Identifier
from sqlalchemy import delete
from sqlalchemy.engine import make_url

from dossier.resolve.catalog import CatalogEntry

TABLE = "dossier_identity"
AUTO_USER = "dossier:auto"
RULE_USER = "dossier:rule"
MATCHER = "logic-v2"


def _prepare_sqlite(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


class JudgementGraph:
    """A fresh nomenklatura Resolver over one table, used as a context manager."""

    def __init__(self, database_url: str) -> None:
        _prepare_sqlite(database_url)
        self._session = make_session(database_url)
        self.resolver: Resolver[StatementEntity] = Resolver(
            self._session, create=True, table_name=TABLE
        )
        self._session.execute(delete(self.resolver._table))
        self.resolver.load_into_memory()
        self._node: dict[str, str] = {}  # key -> the node that stands for it (``represent``)
        self._keys: dict[str, list[str]] = {}  # node -> the other keys it stands for

    def __enter__(self) -> JudgementGraph:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self._session.commit()
        else:
            self._session.rollback()
        self._session.close()

    def represent(self, node: str, keys: Sequence[str]) -> None:
        """Let ``node`` stand for ``keys`` (and itself) in every judgement from now on.

        A group of spelling-identical names merges by rule, so it enters the
        graph as one node: nomenklatura's linker re-sorts a whole cluster on
        every edge it adds, which for a name seen in a thousand documents costs
        more than the rest of resolution. Only keys no judgement touches yet
        may be represented.
        """
        for key in keys:
            if key != node:
                self._node[key] = node
                self._keys.setdefault(node, []).append(key)

    def _n(self, key: str) -> str:
        return self._node.get(key, key)

    def judgement(self, left: str, right: str) -> Judgement:
        """The cluster-level judgement: positive if connected, else any blocker between them."""
        if self._n(left) == self._n(right):
            return Judgement.POSITIVE
        result: Judgement = self.resolver.get_judgement(self._n(left), self._n(right))
        return result

    def decide(self, left: str, right: str, judgement: Judgement, user: str) -> None:
        self.resolver.decide(self._n(left), self._n(right), judgement, user=user)

    def suggest(self, left: str, right: str, score: float) -> None:
        if self._n(left) != self._n(right):
            self.resolver.suggest(self._n(left), self._n(right), score, user=AUTO_USER)

    def members(self, key: str) -> set[str]:
        """The local keys in ``key``'s cluster (minted NK- nodes left out)."""
        node = self._n(key)
        connected: set[Identifier] = self.resolver.connected(Identifier.get(node))
        nodes = {n.id for n in connected if not n.canonical} | {node}
        return nodes | {k for n in nodes for k in self._keys.get(n, [])}


def matcher_score(left: CatalogEntry, right: CatalogEntry) -> float:
    """nomenklatura's logic-v2 score for two entries: a hint for reviewers, never a rule.

    The first call loads the matcher's name data (several seconds).
    """
    from nomenklatura.matching import get_algorithm

    algorithm = get_algorithm(MATCHER)
    if algorithm is None:
        raise RuntimeError(f"nomenklatura has no matcher {MATCHER!r}")
    result = algorithm.compare(_ftm(left), _ftm(right), algorithm.default_config())
    return float(result.score)


def _ftm(entry: CatalogEntry) -> EntityProxy:
    schema = "Person" if entry.schema == "Person" else "Organization"
    proxy = model.make_entity(schema)
    proxy.id = entry.key
    proxy.add("name", entry.name)
    proxy.add("alias", sorted(entry.aliases))
    if entry.country is not None:
        proxy.add("country", entry.country)
    if schema == "Person":
        proxy.add("firstName", entry.first_name)
        proxy.add("lastName", entry.last_name)
    return proxy
