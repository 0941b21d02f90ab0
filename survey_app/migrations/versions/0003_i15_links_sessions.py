"""Personal links as keyed hashes; researcher session versions.

* ``participants.token`` (the plain token) is replaced by ``token_hash`` (keyed hash of the
  participant's derived token), ``legacy_token_hash`` (keyed hash of the old plain token, so
  links already sent keep working) and ``link_generation``; see ``craftwave.survey_app.links``.
  The keys come from the app's ``LINK_KEY`` or ``SECRET_KEY``, so run this through
  ``craftwave db upgrade`` (an app context) with the instance's real secret.
* ``researchers.session_version``: raised by logout, a password change, deactivation and
  reactivation, which ends every older session cookie.

Revision ID: 0003_i15
Revises: 0002_researcher
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op
from flask import current_app

revision = "0003_i15"
down_revision = "0002_researcher"
branch_labels = None
depends_on = None


def _keys() -> tuple[bytes, bytes]:
    # imported here: the migration needs the app's key derivation, not its models' state
    from craftwave.survey_app.links import link_keys

    return link_keys(current_app.config)


def upgrade():
    link_key, lookup_key = _keys()
    from craftwave.survey_app.links import derive_token, hash_token

    with op.batch_alter_table("researchers") as batch:
        batch.add_column(sa.Column("session_version", sa.Integer(), nullable=False,
                                   server_default="0"))
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("token_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("legacy_token_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("link_generation", sa.Integer(), nullable=False,
                                   server_default="1"))
    conn = op.get_bind()
    participants = sa.table("participants", sa.column("id", sa.Integer), sa.column("pid", sa.String),
                            sa.column("study_id", sa.String), sa.column("token", sa.String),
                            sa.column("token_hash", sa.String),
                            sa.column("legacy_token_hash", sa.String))
    rows = conn.execute(sa.select(participants.c.id, participants.c.pid, participants.c.study_id,
                                  participants.c.token)).all()
    for row in rows:
        derived = derive_token(link_key, row.study_id, row.pid, 1)
        conn.execute(participants.update().where(participants.c.id == row.id).values(
            token_hash=hash_token(lookup_key, derived),
            legacy_token_hash=hash_token(lookup_key, row.token) if row.token else None))
    with op.batch_alter_table("participants") as batch:
        batch.alter_column("token_hash", existing_type=sa.String(64), nullable=False)
        batch.create_unique_constraint("uq_participants_token_hash", ["token_hash"])
        batch.create_unique_constraint("uq_participants_legacy_token_hash", ["legacy_token_hash"])
        batch.drop_column("token")


def downgrade():
    raise NotImplementedError("plain tokens cannot be recovered from their keyed hashes")
