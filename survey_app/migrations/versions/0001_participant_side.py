"""Participant side: studies, participants, contacts, wave status, withdrawals, answers.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "studies",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("source_yaml", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("pid", sa.String(32), nullable=False, unique=True),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("study_id", sa.String(64), sa.ForeignKey("studies.id"), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(128), nullable=True),
        sa.Column("recruitment", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("consent_version", sa.String(64), nullable=True),
        sa.Column("consented_at", sa.DateTime(), nullable=True),
        sa.Column("eligibility", sa.String(16), nullable=True),
        sa.Column("arm", sa.String(64), nullable=True),
        sa.Column("arm_sequence", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("withdrawal", sa.String(16), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("study_id", "source", "external_id", name="uq_participant_external"),
    )
    op.create_index("ix_participants_study_id", "participants", ["study_id"])
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False, unique=True),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "wave_status",
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("wave", sa.Integer(), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("opens_at", sa.DateTime(), nullable=True),
        sa.Column("closes_at", sa.DateTime(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("next_page", sa.Integer(), nullable=False),
        sa.Column("completion_code", sa.String(64), nullable=True),
    )
    op.create_table(
        "withdrawal_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("handled_by", sa.String(120), nullable=True),
    )
    op.create_index("ix_withdrawal_requests_participant_id", "withdrawal_requests", ["participant_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.String(64), nullable=False),
        sa.Column("instrument_version", sa.String(32), nullable=False),
        sa.Column("instrument_hash", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("page", sa.String(64), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("participant_id", "wave", "instrument_id", "item_id", name="uq_answer"),
    )
    op.create_index("ix_answers_page", "answers", ["participant_id", "wave", "page"])
    op.create_table(
        "answer_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("old_value", sa.Float(), nullable=True),
        sa.Column("new_value", sa.Float(), nullable=True),
        sa.Column("page", sa.String(64), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_answer_history_p", "answer_history", ["participant_id", "wave"])
    op.create_table(
        "page_visits",
        sa.Column("participant_id", sa.Integer(),
                  sa.ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("wave", sa.Integer(), primary_key=True),
        sa.Column("page", sa.String(64), primary_key=True),
        sa.Column("shown_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("last_submitted_at", sa.DateTime(), nullable=False),
        sa.Column("n_items", sa.Integer(), nullable=False),
        sa.Column("n_submissions", sa.Integer(), nullable=False),
        sa.Column("item_order", sa.JSON(), nullable=False),
    )


def downgrade():
    for table in ("page_visits", "answer_history", "answers", "withdrawal_requests",
                  "wave_status", "contacts", "participants", "studies"):
        op.drop_table(table)
