"""nomenklatura ``Resolver`` glue: the judgement graph of one resolution run.

Each run works on a private, in-memory resolver: the graph is built from the
decision file and the matching rules, so the versioned files stay the single
source of truth, and two builds never see each other's half-built graph.
Judgements written by the rules carry the users ``dossier:auto`` (merge) and
``dossier:rule`` (kept apart).

When the run succeeds, its judgements are published to the resolver table
(``dossier_identity`` at the configured database URL; SQLite by default,
PostgreSQL by URL) in one transaction that writes only the difference from
what the table holds: rows no longer judged are deleted, new ones inserted,
the rest left alone. Cluster nodes get IDs derived from their members, so
the same judgements are the same rows. On PostgreSQL the transaction first
takes a database-level advisory lock (``pg_advisory_xact_lock``): a second
build that reaches this point while another publishes says so in a warning,
waits, then publishes on top; neither can leave a mixture of both.

nomenklatura mints random ``NK-…`` cluster IDs; they never leave this module.
Cluster members are the local keys, and the caller derives deterministic IDs.
A group of spelling-identical names is one node in the table (``represent``):
the rule that merges them needs no edge per mention.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from followthemoney import EntityProxy, StatementEntity, model
from nomenklatura.db import make_session
from nomenklatura.judgement import Judgement
from nomenklatura.resolver import Resolver
from nomenklatura.resolver.edge import Edge
from nomenklatura.resolver.identifier import Identifier
from sqlalchemy import delete, insert, select, text
from sqlalchemy.engine import make_url

from dossier.resolve.catalog import CatalogEntry

log = logging.getLogger(__name__)

TABLE = "dossier_identity"
AUTO_USER = "dossier:auto"
RULE_USER = "dossier:rule"
MATCHER = "logic-v2"


def _prepare_sqlite(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


MEMORY_URL = "sqlite://"
LOCK_KEY = 0x646F7373  # "doss": the advisory lock that guards the resolver table


class JudgementGraph:
    """A fresh in-memory nomenklatura Resolver, published to ``database_url`` on success."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self._session = make_session(MEMORY_URL)
        self.resolver: Resolver[StatementEntity] = Resolver(
            self._session, create=True, table_name=TABLE
        )
        self._session.execute(delete(self.resolver._table))  # one memory database per thread
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
        try:
            if exc_type is None and not _in_memory(self.database_url):
                publish(self.resolver.all_edges(include_suggestions=True), self.database_url)
        finally:
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


def _in_memory(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


Row = tuple[str, str, str, str, float | None]  # target, source, judgement, user, score


def publish(edges: Iterable[Edge], database_url: str) -> tuple[int, int]:
    """Make the resolver table at ``database_url`` hold exactly ``edges``.

    One transaction, under the advisory lock on PostgreSQL; only rows that
    differ are deleted or inserted. Returns (deleted, inserted).
    """
    wanted = _stable_rows(list(edges))
    _prepare_sqlite(database_url)
    session = make_session(database_url)
    try:
        if session.is_postgres:
            _lock(session, database_url)
        table = Resolver[StatementEntity](session, create=True, table_name=TABLE)._table
        live = session.execute(
            select(
                table.c.id,
                table.c.target,
                table.c.source,
                table.c.judgement,
                table.c.user,
                table.c.score,
            ).where(table.c.deleted_at.is_(None))
        )
        have: dict[Row, int] = {}
        stale: list[int] = []
        for row in live:
            item: Row = (row.target, row.source, row.judgement, row.user, row.score)
            if item in wanted and item not in have:
                have[item] = row.id
            else:
                stale.append(row.id)
        stale.extend(table_id for item, table_id in have.items() if item not in wanted)
        for start in range(0, len(stale), 1000):
            session.execute(delete(table).where(table.c.id.in_(stale[start : start + 1000])))
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")  # 26 of the 28 characters
        new = [
            {
                "target": t,
                "source": s,
                "judgement": j,
                "user": u,
                "score": score,
                "created_at": now,
                "deleted_at": None,
            }
            for (t, s, j, u, score) in sorted(wanted - set(have), key=repr)
        ]
        if len(new) > 0:
            session.execute(insert(table).values(new))
        session.commit()
    except BaseException:
        session.rollback()
        session.close()
        raise
    return len(stale), len(new)


def _lock(session: Any, database_url: str) -> None:
    """Take the resolver table's advisory lock for this transaction, saying so if it waits."""
    got = session.execute(text(f"SELECT pg_try_advisory_xact_lock({LOCK_KEY})")).scalar()
    if got:
        return
    where = make_url(database_url).render_as_string(hide_password=True)
    log.warning(
        "another build is writing the resolver table %s at %s; waiting for it to finish",
        TABLE,
        where,
    )
    session.execute(text(f"SELECT pg_advisory_xact_lock({LOCK_KEY})"))
    log.warning("the other build has finished; writing the resolver table")


def _stable_rows(edges: list[Edge]) -> set[Row]:
    """The edges as rows, each minted ``NK-`` cluster node renamed after its members."""
    sources: dict[str, list[str]] = {}
    for edge in edges:
        if edge.target.canonical:
            sources.setdefault(edge.target.id, []).append(edge.source.id)
    names: dict[str, str] = {}

    def name(node: str, depth: int = 0) -> str:
        if node not in sources or depth > len(sources):
            return node
        if node not in names:
            members = sorted(name(m, depth + 1) for m in sources[node])
            names[node] = "NK-" + hashlib.sha1("\x1f".join(members).encode()).hexdigest()
        return names[node]

    return {
        (name(e.target.id), name(e.source.id), e.judgement.value, e.user or "", e.score)
        for e in edges
    }


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
