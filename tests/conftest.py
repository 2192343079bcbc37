"""Shared fixtures. Every test runs headless (offscreen Qt) and with its own data folder, so no
test reads or writes a real user's database."""
from __future__ import annotations

import os
import uuid

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TRAINER_DATABASE_URL", None)

PG_ENV = "TRAINER_TEST_PG_URL"

try:  # timing varies on a loaded 2-core CI machine: properties are about values, not speed
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("trainer", deadline=None)
    _hypothesis_settings.load_profile("trainer")
except ImportError:  # pragma: no cover - hypothesis comes with the test extras
    pass


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRAINER_DATABASE_URL", raising=False)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{(tmp_path / 'test.db').as_posix()}"


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database on the server named by TRAINER_TEST_PG_URL."""
    base = os.environ.get(PG_ENV)
    if not base and os.environ.get("CI"):
        pytest.fail(f"CI must run the PostgreSQL tests: {PG_ENV} is not set")
    if not base:
        pytest.skip(f"PostgreSQL tests skipped: set {PG_ENV} (e.g. "
                    "postgresql+psycopg://postgres@localhost:5432/postgres); .ci/run does")
    from sqlalchemy import create_engine, make_url, text

    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"trainer_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_owner_url(pg_url):
    """A fresh PostgreSQL database as an office should have it: owned by an ordinary (not
    superuser) login account, the URL connecting as that account."""
    from sqlalchemy import create_engine, make_url, text

    url = make_url(pg_url)
    owner = f"trainer_owner_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{owner}" LOGIN CREATEROLE'))
        conn.execute(text(f'ALTER DATABASE "{url.database}" OWNER TO "{owner}"'))
    admin.dispose()
    try:
        yield url.set(username=owner, password=None).render_as_string(hide_password=False)
    finally:
        admin = create_engine(make_url(os.environ[PG_ENV]), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
            for (role,) in conn.execute(text(  # the owner's, and trainer server-roles' roles
                    "SELECT rolname FROM pg_roles WHERE rolname LIKE :p OR rolname LIKE :r "
                    "ORDER BY rolname LIKE :p"),
                    {"p": f"{owner}%", "r": f"fc_{url.database}_%"}):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{owner}"'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request) -> str:
    """The same test once on SQLite and once on a real PostgreSQL server."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def database(db_url):
    from trainer.db.migrate import open_database

    db = open_database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def uow(database):
    """A unit of work on a database holding one union office with the four default themes."""
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    unit = UnitOfWork(database)
    create_organization(unit, "新余市总工会", "新余总工会", "XYZGH")
    return unit
