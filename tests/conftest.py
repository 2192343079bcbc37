"""Shared fixtures. Every test runs headless (offscreen Qt) and with its own data folder, so no
test reads or writes a real user's database."""
from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections import Counter
from pathlib import Path

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


def pytest_configure(config):
    from tests.xdist_crash_recovery import install

    install()  # a crashed worker fails its test instead of hanging the run


def pytest_collection_modifyitems(config, items):
    """The longest modules first, so that pytest-xdist's two workers finish together: a module
    marked `slow` (the frozen build, the crash trials, a whole flow, the screen probes) starts
    at once instead of after the many small ones; then modules by their number of tests, the
    largest first (what --dist loadscope does by itself; setup.cfg turns its own reordering
    off, --no-loadscope-reorder, so that it keeps this order). Tests in a module keep theirs."""
    module = lambda item: item.nodeid.split("::")[0]  # noqa: E731
    counts = Counter(module(item) for item in items)
    slow = {module(item) for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: (module(item) not in slow, -counts[module(item)]))


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRAINER_DATABASE_URL", raising=False)
    # the language a test chose (`--lang zh`, the GUI's setting) is not the next test's
    monkeypatch.setattr("trainer.texts.current._language", None)


# A database migrated once per run (per xdist worker) and copied for each test: migrating takes
# 0.5–0.8 s, a copy a few milliseconds. Tests of the migrations themselves use empty_* fixtures.

@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file at the head revision; its -wal is folded in when the engine closes."""
    from trainer.db.migrate import open_database

    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.db"
    with pytest.MonkeyPatch.context() as patch:  # what opening writes outside the database
        patch.setenv("TRAINER_DATA_DIR", str(folder / "data"))
        open_database(_sqlite(path)).dispose()
    assert not path.with_name(path.name + "-wal").exists(), "template left a -wal file behind"
    return path


@pytest.fixture
def empty_sqlite_url(tmp_path) -> str:
    """A SQLite URL where no file exists yet: opening it creates and migrates a database."""
    return _sqlite(tmp_path / "test.db")


@pytest.fixture
def sqlite_url(tmp_path, _sqlite_template) -> str:
    """A SQLite database at the head revision holding no rows (a copy of the template)."""
    target = tmp_path / "test.db"
    shutil.copy(_sqlite_template, target)
    return _sqlite(target)


def _sqlite(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


@pytest.fixture(scope="session")
def _pg_server() -> str:
    base = os.environ.get(PG_ENV)
    if not base and os.environ.get("CI"):
        pytest.fail(f"CI must run the PostgreSQL tests: {PG_ENV} is not set")
    if not base:
        pytest.skip(f"PostgreSQL tests skipped: set {PG_ENV} (e.g. "
                    "postgresql+psycopg://postgres@localhost:5432/postgres); .ci/run does")
    return base


@pytest.fixture(scope="session")
def _pg_template(_pg_server, tmp_path_factory):
    """A PostgreSQL database at the head revision, one per worker, dropped at the end. No
    connection to it stays open: CREATE DATABASE … TEMPLATE refuses a template in use."""
    from trainer.db.migrate import open_database

    name = _pg_name("tmpl")
    with _pg_admin(_pg_server) as admin:
        admin.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        with pytest.MonkeyPatch.context() as patch:  # what opening writes outside the database
            patch.setenv("TRAINER_DATA_DIR", str(tmp_path_factory.mktemp("pg-template")))
            open_database(_pg_database_url(_pg_server, name)).dispose()
        yield name
    finally:
        with _pg_admin(_pg_server) as admin:
            admin.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def empty_pg_url(_pg_server):
    """A fresh, empty PostgreSQL database on the server named by TRAINER_TEST_PG_URL."""
    yield from _pg_database(_pg_server, "")


@pytest.fixture
def pg_url(_pg_server, _pg_template):
    """A PostgreSQL database at the head revision holding no rows (a copy of the template)."""
    yield from _pg_database(_pg_server, f' TEMPLATE "{_pg_template}"')


def _pg_name(kind: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"trainer_{kind}_{worker}_{uuid.uuid4().hex[:12]}"


@contextlib.contextmanager
def _pg_admin(base: str):
    from sqlalchemy import create_engine

    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _pg_database_url(base: str, name: str) -> str:
    from sqlalchemy import make_url

    return make_url(base).set(database=name).render_as_string(hide_password=False)


def _pg_database(base: str, template: str):
    name = _pg_name("test")
    with _pg_admin(base) as admin:
        admin.exec_driver_sql(f'CREATE DATABASE "{name}"{template}')
    try:
        yield _pg_database_url(base, name)
    finally:
        with _pg_admin(base) as admin:
            admin.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_owner_url(empty_pg_url):
    """A fresh, empty PostgreSQL database as an office should have it: owned by an ordinary (not
    superuser) login account (which runs the migrations), the URL connecting as that account."""
    from sqlalchemy import create_engine, make_url, text

    url = make_url(empty_pg_url)
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
    """The same test once on SQLite and once on a real PostgreSQL server, each database at the
    head revision and holding no rows."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_url(request) -> str:
    """As db_url, but a database with no tables yet: for tests of creating and migrating one."""
    if request.param == "sqlite":
        return request.getfixturevalue("empty_sqlite_url")
    return request.getfixturevalue("empty_pg_url")


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
