"""nomenklatura ``Resolver`` glue: the judgement graph of one resolution run.

The resolver table (``dossier_identity`` at the configured database URL; SQLite
by default, PostgreSQL by URL) is derived state: it is emptied and rebuilt from
the decision file and the matching rules on every run, so the versioned files
stay the single source of truth. Judgements written by the rules carry the
users ``dossier:auto`` (merge) and ``dossier:rule`` (kept apart).

nomenklatura mints random ``NK-…`` cluster IDs; they never leave this module.
Cluster members are the local keys, and the caller derives deterministic IDs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from followthemoney import EntityProxy, StatementEntity, model
from nomenklatura.db import make_session
from nomenklatura.judgement import Judgement
from nomenklatura.resolver import Resolver
from nomenklatura.resolver.edge import Edge
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

    def judgement(self, left: str, right: str) -> Judgement:
        """The cluster-level judgement: positive if connected, else any blocker between them."""
        result: Judgement = self.resolver.get_judgement(left, right)
        return result

    def decide(self, left: str, right: str, judgement: Judgement, user: str) -> None:
        self.resolver.decide(left, right, judgement, user=user)

    def join_all(self, clusters: Sequence[Sequence[str]], user: str) -> None:
        """Join each list of keys into one new cluster, in one bulk write.

        Only for keys that no judgement touches yet: each gets a positive edge
        to a freshly minted canonical node, which is what ``decide`` would
        write one call at a time (nomenklatura's ``load_edges``, at a fraction
        of the cost on tens of thousands of entities).
        """
        now = datetime.now(UTC).isoformat()[:28]
        edges: list[Edge] = []
        for keys in clusters:
            if len(keys) < 2:
                continue
            canonical = Identifier.make()
            edges.extend(
                Edge(key, canonical, Judgement.POSITIVE, user=user, created_at=now) for key in keys
            )
        if len(edges) > 0:
            self.resolver.load_edges(edges)

    def suggest(self, left: str, right: str, score: float) -> None:
        self.resolver.suggest(left, right, score, user=AUTO_USER)

    def members(self, key: str) -> set[str]:
        """The local keys in ``key``'s cluster (minted NK- nodes left out)."""
        connected: set[Identifier] = self.resolver.connected(Identifier.get(key))
        return {n.id for n in connected if not n.canonical} | {key}


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
