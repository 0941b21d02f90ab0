"""After a participant's rows are deleted, leave no readable copy in the database's own files.

SQLite: every connection runs with ``secure_delete`` on (:func:`craftwave.survey_app.db.configure_engine`),
so a deleted row's bytes are overwritten with zeros in its page, and :func:`scrub_after_deletion`
then checkpoints the write-ahead log with ``TRUNCATE``: the log, which still holds the pages as
they were before the deletion, is copied into the database and emptied.

PostgreSQL: a deleted row stays in its table's pages as a dead tuple until VACUUM marks the
space free for reuse, and new rows overwrite it in time. :func:`scrub_after_deletion` runs
``VACUUM`` on the touched tables at once. It does not zero the bytes, and it cannot reach the
server's write-ahead log archive, replicas or backups taken before the deletion:
``docs/deployment.md`` says what backups still hold.
"""

from __future__ import annotations

import logging
import time

from sqlalchemy import text

from craftwave.survey_app.extensions import db

CHECKPOINT_TRIES = 3
"""Checkpoint attempts; each waits for readers up to the connection's busy timeout."""
log = logging.getLogger("craftwave.survey_app")


def participant_tables() -> list[str]:
    """``participants`` and every table with a foreign key to it (deletion cascades there)."""
    tables = ["participants"]
    for table in db.metadata.sorted_tables:
        if any(fk.column.table.name == "participants" for fk in table.foreign_keys):
            tables.append(table.name)
    return tables


def scrub_after_deletion(tables: list[str] | None = None) -> bool:
    """Checkpoint SQLite's log (TRUNCATE) or VACUUM PostgreSQL's ``tables``; True when done.

    Call after the deleting transaction has committed, outside any transaction. On SQLite a
    checkpoint can be held up by a reader still using old pages; it is tried
    :data:`CHECKPOINT_TRIES` times, and False is returned (and a warning logged) if readers kept
    it from finishing: the next checkpoint of a later deletion, or SQLite's own automatic
    checkpoints, then overwrite the log.
    """
    db.session.rollback()  # end any read transaction of this request: no snapshot held
    engine = db.engine
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            for _ in range(CHECKPOINT_TRIES):
                busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                conn.commit()
                if busy == 0:
                    return True
                time.sleep(0.1)
        log.warning("deletion: the write-ahead log could not be truncated (busy readers)")
        return False
    if engine.dialect.name == "postgresql":
        known = set(db.metadata.tables)
        names = [t for t in (tables or participant_tables()) if t in known]
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for name in names:
                conn.execute(text(f'VACUUM "{name}"'))
        return True
    return False
