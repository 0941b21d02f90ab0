"""Built reports in the database: any app host serves a report whichever host's worker built it.

Revision ID: 0009_i23
Revises: 0006_i23
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_i23"
down_revision = "0006_i23"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "report_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("study_id", sa.String(64), nullable=False),
        sa.Column("export_key", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("fmt", sa.String(8), nullable=False),
        sa.Column("export_started", sa.Float(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.UniqueConstraint("study_id", "export_key", "kind", "fmt", name="uq_report_file"),
    )
    op.create_index("ix_report_files_slot", "report_files", ["study_id", "kind", "fmt", "export_started"])


def downgrade():
    op.drop_index("ix_report_files_slot", table_name="report_files")
    op.drop_table("report_files")
