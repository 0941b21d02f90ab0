"""Alembic environment: run craftwave's migrations on the app's own engine.

Used through Flask-Migrate (``craftwave db upgrade``) inside an app context; the same
revisions build SQLite and PostgreSQL (SQLite alterations run in batch mode).
"""

from alembic import context
from flask import current_app

config = context.config
target_db = current_app.extensions["migrate"].db


def run_migrations_online() -> None:
    engine = target_db.engine
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_db.metadata,
            render_as_batch=engine.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=str(target_db.engine.url), target_metadata=target_db.metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
