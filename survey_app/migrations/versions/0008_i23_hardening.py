"""Hardening: rate-limit counters in the database, one open withdrawal request, researcher TOTP.

Revision ID: 0006_i23
Revises: 0005_i19
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_i23"
down_revision = "0005_i19"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "rate_counters",
        sa.Column("key", sa.String(64), primary_key=True),  # keyed hash: no address is stored
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),  # Unix time
    )
    op.create_index("ix_rate_counters_expires_at", "rate_counters", ["expires_at"])
    # Before the unique index: keep each participant's oldest open request, close the others.
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, participant_id, kind FROM withdrawal_requests WHERE handled_at IS NULL "
        "ORDER BY participant_id, requested_at, id")).all()
    kept: dict[int, int] = {}
    for rid, participant_id, _kind in rows:
        if participant_id in kept:
            conn.execute(sa.text("UPDATE withdrawal_requests SET handled_at = requested_at, "
                                 "handled_by = 'duplicate (migration 0006_i23)' WHERE id = :id"),
                         {"id": rid})
        else:
            kept[participant_id] = rid
    op.create_index("uq_withdrawal_open", "withdrawal_requests", ["participant_id"], unique=True,
                    sqlite_where=sa.text("handled_at IS NULL"),
                    postgresql_where=sa.text("handled_at IS NULL"))
    with op.batch_alter_table("researchers") as batch:
        batch.add_column(sa.Column("totp_secret", sa.String(64), nullable=True))
        batch.add_column(sa.Column("totp_recovery", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("totp_last_step", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("researchers") as batch:
        batch.drop_column("totp_last_step")
        batch.drop_column("totp_recovery")
        batch.drop_column("totp_secret")
    op.drop_index("uq_withdrawal_open", table_name="withdrawal_requests")
    op.drop_index("ix_rate_counters_expires_at", table_name="rate_counters")
    op.drop_table("rate_counters")
