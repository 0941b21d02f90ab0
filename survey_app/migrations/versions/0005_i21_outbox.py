"""The outbox: delivery states of sent messages; each participant's time zone; report jobs.

Revision ID: 0003_i21
Revises: 0003_i17
Create Date: 2026-12-04

A 0.1.0 ledger row with ``sent_at`` becomes ``sent`` (one attempt); a row claimed and never
marked sent (the old process died mid-send) becomes ``unknown``: it may or may not have gone.
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_i21"
down_revision = "0003_i17"
branch_labels = None
depends_on = None

_COLUMNS = ("status", "attempts", "last_error", "next_attempt_at", "lease_until", "lease_owner",
            "handed_over_at", "return_path", "message_id", "resends", "updated_at")


def upgrade():
    with op.batch_alter_table("sent_messages") as batch:
        batch.add_column(sa.Column("status", sa.String(16), nullable=False, server_default="queued"))
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_error", sa.String(500), nullable=True))
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("lease_until", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("lease_owner", sa.String(64), nullable=True))
        batch.add_column(sa.Column("handed_over_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("return_path", sa.String(320), nullable=True))
        batch.add_column(sa.Column("message_id", sa.String(255), nullable=True))
        batch.add_column(sa.Column("resends", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
    op.create_index("ix_sent_messages_due", "sent_messages", ["status", "next_attempt_at"])
    op.execute("UPDATE sent_messages SET status = 'sent', attempts = 1 WHERE sent_at IS NOT NULL")
    op.execute("UPDATE sent_messages SET status = 'unknown', attempts = 1, "
               "last_error = 'claimed before 0.2 and never marked sent' WHERE sent_at IS NULL")
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("timezone", sa.String(64), nullable=True))
    op.create_table(
        "report_jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("study_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("fmt", sa.String(8), nullable=False),
        sa.Column("actor", sa.String(320), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("error", sa.String(1000), nullable=True),
    )
    op.create_index("ix_report_jobs_slot", "report_jobs", ["study_id", "kind", "fmt", "status"])


def downgrade():
    op.drop_index("ix_report_jobs_slot", table_name="report_jobs")
    op.drop_table("report_jobs")
    with op.batch_alter_table("participants") as batch:
        batch.drop_column("timezone")
    op.drop_index("ix_sent_messages_due", table_name="sent_messages")
    with op.batch_alter_table("sent_messages") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
