"""Concealed randomisation: allocation state and log, frozen declaration, flow counts.

Revision ID: 0003_i17
Revises: 0003_i15
Create Date: 2026-12-04
"""
import sqlalchemy as sa
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


def downgrade():
    op.drop_table("flow_counts")
    op.drop_table("study_declarations")
    op.drop_index("ix_allocation_log_study_id", table_name="allocation_log")
    op.drop_table("allocation_log")
    op.drop_table("allocation_state")
