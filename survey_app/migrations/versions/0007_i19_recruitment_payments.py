"""Recruitment-site ids per participant and wave (wave 1's copied from participants); the
payment ledger (batches and their items).

Revision ID: 0005_i19
Revises: 0003_i22
Create Date: 2026-12-04
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0005_i19"
down_revision = "0003_i22"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "recruitment_entries",
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("wave", sa.Integer(), primary_key=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("worker_id", sa.String(128), nullable=True),
        sa.Column("assignment_id", sa.String(128), nullable=True),
        sa.Column("hit_id", sa.String(128), nullable=True),
        sa.Column("submit_to", sa.String(200), nullable=True),
        sa.Column("site_study_id", sa.String(128), nullable=True),
        sa.Column("site_session_id", sa.String(128), nullable=True),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, source, external_id, recruitment, created_at FROM participants "
        "WHERE source IN ('mturk', 'prolific')")).fetchall()
    table = sa.table("recruitment_entries", *[sa.column(c) for c in (
        "participant_id", "wave", "source", "worker_id", "assignment_id", "hit_id", "submit_to",
        "site_study_id", "site_session_id", "entered_at")])
    out = []
    for pid, source, external, rec, created in rows:
        if isinstance(rec, str):
            rec = json.loads(rec or "{}")
        rec = rec or {}
        out.append({"participant_id": pid, "wave": 1, "source": source, "worker_id": external,
                    "assignment_id": rec.get("assignment_id"), "hit_id": rec.get("hit_id"),
                    "submit_to": rec.get("submit_to"), "site_study_id": rec.get("study_id"),
                    "site_session_id": rec.get("session_id"), "entered_at": created})
    if out:
        op.bulk_insert(table, out)


    op.create_table(
        "payment_batches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("study_id", sa.String(64), sa.ForeignKey("studies.id"), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("site", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(120), nullable=True),
    )
    op.create_index("ix_payment_batches_study_id", "payment_batches", ["study_id"])
    op.create_table(
        "payment_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("batch_id", sa.Integer(),
                  sa.ForeignKey("payment_batches.id", ondelete="CASCADE"), nullable=False),
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("active", sa.Integer(), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=True),
        sa.Column("request_token", sa.String(64), nullable=True),
        sa.Column("assignment_id", sa.String(128), nullable=True),
        sa.Column("held", sa.String(200), nullable=True),
        sa.UniqueConstraint("participant_id", "wave", "kind", "active", name="uq_payment_once"),
    )
    op.create_index("ix_payment_items_batch_id", "payment_items", ["batch_id"])


def downgrade():
    op.drop_table("payment_items")
    op.drop_table("payment_batches")
    op.drop_table("recruitment_entries")
