"""Running a study: per-study membership and rights, notes on participants, pilot
participants, closing a study.

Existing analysts become analyst members of every study loaded at the time of the upgrade
(without the identifiers right: an owner grants it with ``craftwave study member grant``), so
nobody loses access to a study they could open before; instance owners need no membership.

Revision ID: 0003_i22
Revises: 0003_i21
Create Date: 2026-12-04
"""
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0003_i22"
down_revision = "0003_i21"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "study_members",
        sa.Column("study_id", sa.String(64), sa.ForeignKey("studies.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("researcher_id", sa.Integer(),
                  sa.ForeignKey("researchers.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("identifiers", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_study_members_researcher_id", "study_members", ["researcher_id"])
    op.create_table(
        "participant_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(320), nullable=False),
        sa.Column("text", sa.String(2000), nullable=False),
    )
    op.create_index("ix_participant_notes_participant_id", "participant_notes", ["participant_id"])
    # Plain ADD COLUMN (never a batch copy on SQLite: dropping the old participants table
    # would cascade to every answer).
    op.add_column("participants", sa.Column("test", sa.Boolean(), nullable=False,
                                            server_default=sa.false()))
    op.add_column("studies", sa.Column("closed_at", sa.DateTime(), nullable=True))
    # Seed: analysts keep the studies they could open, without the identifiers right.
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    conn = op.get_bind()
    studies = [r[0] for r in conn.execute(sa.text("SELECT id FROM studies"))]
    analysts = [r[0] for r in conn.execute(
        sa.text("SELECT id FROM researchers WHERE role = 'analyst'"))]
    members = sa.table("study_members", sa.column("study_id", sa.String),
                       sa.column("researcher_id", sa.Integer), sa.column("role", sa.String),
                       sa.column("identifiers", sa.Boolean), sa.column("created_at", sa.DateTime))
    rows = [{"study_id": s, "researcher_id": a, "role": "analyst", "identifiers": False,
             "created_at": now} for s in studies for a in analysts]
    if rows:
        op.bulk_insert(members, rows)


def downgrade():
    op.drop_column("studies", "closed_at")
    op.drop_column("participants", "test")
    op.drop_index("ix_participant_notes_participant_id", table_name="participant_notes")
    op.drop_table("participant_notes")
    op.drop_index("ix_study_members_researcher_id", table_name="study_members")
    op.drop_table("study_members")
