"""Concealed randomisation: allocation state and log, frozen declaration, flow counts.

Revision ID: 0003_i17
Revises: 0003_i15
Create Date: 2026-12-04
"""
import sqlalchemy as sa
import yaml
from alembic import op

revision = "0003_i17"
down_revision = "0003_i15"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "allocation_state",
        sa.Column("study_id", sa.String(64), sa.ForeignKey("studies.id"), primary_key=True),
        sa.Column("seed", sa.String(64), nullable=False),
        sa.Column("next_sequence", sa.Integer(), nullable=False),
        sa.Column("block_number", sa.Integer(), nullable=False),
        sa.Column("block", sa.JSON(), nullable=False),
    )
    op.create_table(
        "allocation_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("study_id", sa.String(64), sa.ForeignKey("studies.id"), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        sa.Column("arm", sa.String(64), nullable=False),
        sa.Column("block_number", sa.Integer(), nullable=True),
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="SET NULL"), nullable=True),
        sa.UniqueConstraint("study_id", "sequence", name="uq_allocation_sequence"),
    )
    op.create_index("ix_allocation_log_study_id", "allocation_log", ["study_id"])
    op.create_table(
        "study_declarations",
        sa.Column("study_id", sa.String(64), sa.ForeignKey("studies.id"), primary_key=True),
        sa.Column("declared_at", sa.DateTime(), nullable=False),
        sa.Column("declaration_hash", sa.String(64), nullable=False),
        sa.Column("declaration", sa.JSON(), nullable=False),
    )
    op.create_table(
        "flow_counts",
        sa.Column("study_id", sa.String(64), sa.ForeignKey("studies.id"), primary_key=True),
        sa.Column("event", sa.String(16), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    _drop_assignment_seeds()


def _drop_assignment_seeds() -> None:
    """Studies loaded before 0.3 may name the assignment seed; it now lives in the database.

    The seed is removed from each stored definition (the app refuses a definition that names
    it); assignments after the upgrade draw from a new concealed seed.
    """
    conn = op.get_bind()
    studies = sa.table("studies", sa.column("id", sa.String), sa.column("source_yaml", sa.Text))
    for study_id, text in conn.execute(sa.select(studies.c.id, studies.c.source_yaml)).all():
        raw = yaml.safe_load(text) if text else None
        arms = raw.get("intervention") if isinstance(raw, dict) else None
        if isinstance(arms, dict) and "seed" in arms:
            del arms["seed"]
            conn.execute(studies.update().where(studies.c.id == study_id)
                         .values(source_yaml=yaml.safe_dump(raw, sort_keys=False, allow_unicode=True)))


def downgrade():
    op.drop_table("flow_counts")
    op.drop_table("study_declarations")
    op.drop_index("ix_allocation_log_study_id", table_name="allocation_log")
    op.drop_table("allocation_log")
    op.drop_table("allocation_state")
