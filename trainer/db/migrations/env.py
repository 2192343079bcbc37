"""Alembic environment: runs on the connection trainer.db.migrate hands over, or on the URL in
alembic.ini / TRAINER_DATABASE_URL when a developer runs `alembic` by hand."""
from alembic import context
from sqlalchemy import create_engine

from trainer.config import database_url
from trainer.db.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or database_url())
    with engine.connect() as conn:
        run(conn)
