"""The frozen build (issue 19): packaging/build.py makes the folder (and on Linux the .deb); the
frozen `trainer` then runs a short real flow on a fresh data folder, and the frozen window starts
offscreen and shows its first-start dialog. On Linux the same flow runs on the app unpacked from
the .deb with dpkg-deb -x, after dpkg-deb --info/--contents and desktop-file-validate.

Slow (a build takes minutes): `python -m pytest -m slow tests/packaging`. TRAINER_FROZEN_DIR
names an already built folder (the Windows workflow: the installed one) instead of building."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trainer import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
LINUX = sys.platform.startswith("linux")
EXE = ".exe" if sys.platform.startswith("win") else ""


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The output folder of one build for the whole module."""
    given = os.environ.get("TRAINER_FROZEN_DIR")
    if given:
        return Path(given).parent
    pytest.importorskip("PyInstaller")
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(out),
               "--work", str(tmp_path_factory.mktemp("work")),
               "--fast-package"]  # xz level 0: what is checked is the content, not the ratio
    if not LINUX:
        command.append("--skip-installer")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def frozen(dist) -> Path:
    folder = Path(os.environ.get("TRAINER_FROZEN_DIR") or dist / "factory-classroom")
    assert (folder / f"trainer{EXE}").is_file() and (folder / f"factory-classroom{EXE}").is_file()
    return folder


def user_env(home: Path) -> dict[str, str]:
    """An environment whose user folders are under `home`: a PC on which nothing ran yet."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TRAINER_", "XDG_", "QT_", "PYTHON"))}
    env.update(HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM="offscreen",
               LANG="zh_CN.UTF-8")
    if not LINUX:  # Windows finds the data folder by a shell call, not from the environment
        env["TRAINER_DATA_DIR"] = str(home / "data")
    return env


def data_folder(home: Path) -> Path:
    return home / "data" if not LINUX else home / ".local" / "share" / "FactoryClassroom"


def run(program: Path, *args: str, env: dict, timeout: int = 600) -> str:
    done = subprocess.run([str(program), *args], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)
    assert done.returncode == 0, \
        f"{args}: exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done.stdout


def snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def real_flow(folder: Path, home: Path) -> None:
    """init → demo → plan → enrol, attendance → certificates and sign-in PDFs → backup, each a
    run of the frozen `trainer`; data in the user's data folder, nothing written beside it."""
    trainer = folder / f"trainer{EXE}"
    env = user_env(home)
    before = snapshot(folder)
    version = run(trainer, "--version", env=env)
    assert re.fullmatch(rf"trainer {re.escape(__version__)} \(\d{{4}}-\d\d-\d\d\)\s*", version)
    assert "schedule" in run(trainer, "--help", env=env)
    run(trainer, "init", "--org", "新余市总工会", "--short-name", "新余",
        "--certificate-prefix", "XYZGH", env=env)
    run(trainer, "demo", "--start", "2026-07-01", env=env)
    env["TRAINER_KEY_PASSPHRASE"] = "正确的口令-correct"  # certificates are signed (Ed25519)
    assert "fingerprint" in run(trainer, "--lang", "en", "certificate", "key", "create", env=env)
    planned = run(trainer, "schedule", "plan", "--from", "2026-07-01", "--to", "2026-09-30",
                  env=env)
    assert "已保存" in planned  # the messages in Chinese: the user's language (LANG=zh_CN)
    lessons = json.loads(run(trainer, "schedule", "lessons", "--from", "2026-07-01",
                             "--to", "2026-09-30", "--format", "json", env=env))
    first = lessons[0]
    run(trainer, "enrol", "--class", first["class_code"], "--enterprise", first["enterprise"],
        env=env)
    for lesson in (x for x in lessons if x["class_code"] == first["class_code"]):
        run(trainer, "attendance", "mark", "--lesson", str(lesson["id"]), "--all-present", env=env)
    out = home / "out"
    out.mkdir()
    run(trainer, "pdf", "certificates", "--class", first["class_code"], "--kind", "attendance",
        "--out", str(out / "结业证书.pdf"), env=env)
    run(trainer, "pdf", "signin", "--lesson", str(first["id"]), "--out", str(out / "签到表.pdf"),
        env=env)
    run(trainer, "backup", env=env)

    data = data_folder(home)
    assert (data / "trainer.db").is_file()
    assert any(p.name.startswith("trainer-manual-") for p in (data / "backups").iterdir())
    for pdf in ("结业证书.pdf", "签到表.pdf"):
        content = (out / pdf).read_bytes()
        assert content.startswith(b"%PDF") and b"/FontFile2" in content  # TrueType embedded
    if (folder / "_internal" / "resources" / "fonts" / "LXGWWenKai-Regular.ttf").is_file():
        # the Kai face shipped in the folder (no system has it) prints the certificates
        assert b"LXGWWenKai" in (out / "结业证书.pdf").read_bytes()
    assert snapshot(folder) == before, "the program wrote beside itself"


def test_frozen_folder_holds_what_the_app_reads(frozen):
    if LINUX and not os.environ.get("TRAINER_FROZEN_DIR"):  # the budget of issue 19
        sys.path.insert(0, str(ROOT / "packaging"))
        from build import FOLDER_BUDGET_MB, folder_size

        assert folder_size(frozen) <= FOLDER_BUDGET_MB * 1e6, folder_size(frozen)
    internal = frozen / "_internal"
    assert (internal / "trainer" / "db" / "migrations" / "env.py").is_file()
    assert list((internal / "trainer" / "db" / "migrations" / "versions").glob("*.py"))
    assert (internal / "resources" / "translations" / "factory_classroom_zh_CN.qm").is_file()
    assert (internal / "resources" / "icons" / "app.svg").is_file()
    source_fonts = ROOT / "resources" / "fonts"
    if source_fonts.is_dir():  # fonts and their licence files, all of them
        assert {p.name for p in source_fonts.iterdir() if p.is_file()} <= \
            {p.name for p in (internal / "resources" / "fonts").iterdir()}
    names = {p.name.lower() for p in internal.rglob("*")}
    for unwanted in ("qtwebengine", "libqt6qml", "libqt6quick", "qt6qml", "qt6quick"):
        assert not any(unwanted in n for n in names), unwanted
    for fast in ("_rl_accel", "zxingcpp"):  # ReportLab's C accelerator, the C++ QR encoder
        assert any(n.startswith(fast) and n.endswith((".so", ".pyd")) for n in names), fast
    qt_translations = [p.name for p in internal.rglob("qtbase_*.qm")]
    assert sorted(qt_translations) == ["qtbase_en.qm", "qtbase_zh_CN.qm"]


def test_frozen_trainer_real_flow(frozen, tmp_path):
    real_flow(frozen, tmp_path / "home")


FIRST_START_TITLE = "欢迎使用“课堂设在工厂”"  # FirstRunDialog's title in the zh_CN catalogue


def window_titles(env: dict) -> list[str]:
    """The names of the top-level windows on env's X display (xwininfo, package x11-utils)."""
    # in a UTF-8 locale that exists everywhere, else xwininfo escapes the Chinese title
    out = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True,
                         env={**env, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
                         text=True, encoding="utf-8", errors="replace").stdout
    return re.findall(r'^\s*0x[0-9a-f]+ "(.*)"', out, re.M)


@pytest.mark.skipif(not LINUX or not shutil.which("Xvfb") or not shutil.which("xwininfo"),
                    reason="needs Xvfb and xwininfo")
def test_frozen_window_shows_first_start_dialog(frozen, tmp_path):
    """On an X display (Xvfb) with the folder's own xcb plugin, the frozen window starts on a
    PC where nothing ran yet and shows the first-start dialog, in Chinese."""
    home = tmp_path / "home"
    env = user_env(home)
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1366x768x24",
                             "-nolisten", "tcp"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    app = None
    try:
        display = xvfb.stdout.readline().decode().strip()
        env.update(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        app = subprocess.Popen([str(frozen / "factory-classroom")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        titles: list[str] = []
        deadline = time.monotonic() + 180
        shown = lambda: any(FIRST_START_TITLE in title for title in titles)  # noqa: E731
        while not shown() and time.monotonic() < deadline:
            assert app.poll() is None, app.stderr.read().decode(errors="replace")[-3000:]
            time.sleep(0.25)
            titles = window_titles(env)
        assert shown(), titles  # "欢迎使用“课堂设在工厂” — Factory Classroom"
        assert data_folder(home).is_dir()
    finally:
        if app is not None:
            app.kill()
            app.wait()
            app.stderr.close()
        xvfb.kill()
        xvfb.wait()
        xvfb.stdout.close()


@pytest.mark.skipif(LINUX, reason="Linux: on Xvfb above")
def test_frozen_window_waits_on_first_start_offscreen(frozen, tmp_path):
    """Elsewhere (the Windows runner): offscreen, the window starts and waits for the user."""
    home = tmp_path / "home"
    app = subprocess.Popen([str(frozen / f"factory-classroom{EXE}")], env=user_env(home))
    try:
        time.sleep(30)
        assert app.poll() is None, "the window ended by itself"
        assert data_folder(home).is_dir()
    finally:
        app.kill()
        app.wait()


@pytest.mark.skipif(not LINUX or not shutil.which("dpkg-deb"), reason="Debian package: Linux")
def test_deb_inspected_unpacked_and_run(dist, tmp_path):
    debs = list(dist.glob("factory-classroom_*.deb"))
    if not debs and os.environ.get("TRAINER_FROZEN_DIR"):
        pytest.skip("no .deb beside the prebuilt folder")
    (deb,) = debs
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    assert f"Version: {__version__}" in info and "Package: factory-classroom" in info
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                              text=True, check=True).stdout
    for path in ("./opt/factory-classroom/trainer", "./opt/factory-classroom/factory-classroom",
                 "./usr/bin/trainer -> /opt/factory-classroom/trainer",
                 "./usr/share/applications/factory-classroom.desktop",
                 "./usr/share/icons/hicolor/scalable/apps/factory-classroom.svg"):
        assert path in contents, path
    assert "home" not in contents and "/etc/" not in contents
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    desktop = root / "usr" / "share" / "applications" / "factory-classroom.desktop"
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                                 text=True)
        assert checked.returncode == 0 and "error" not in checked.stdout, checked.stdout
    entry = desktop.read_text(encoding="utf-8")
    assert "Name[zh_CN]=课堂设在工厂" in entry and "Categories=Office;Education;" in entry
    real_flow(root / "opt" / "factory-classroom", tmp_path / "home")


@pytest.mark.skipif(not LINUX or os.environ.get("CI") != "true" or os.geteuid() != 0,
                    reason="installs system-wide: only on CI's throw-away machine, as root")
def test_deb_installs_runs_and_removes_leaving_the_data(dist, tmp_path):
    """dpkg -i, `trainer` from the PATH, dpkg --purge: the program is gone, the data stays."""
    if os.environ.get("TRAINER_FROZEN_DIR"):
        pytest.skip("no .deb with a prebuilt folder")
    (deb,) = dist.glob("factory-classroom_*.deb")
    subprocess.run(["dpkg", "-i", str(deb)], check=True, capture_output=True)
    try:
        env = user_env(tmp_path / "home")
        assert os.path.realpath("/usr/bin/trainer") == "/opt/factory-classroom/factory-classroom"
        run(Path("/usr/bin/trainer"), "init", "--org", "新余市总工会", env=env)
        assert Path("/usr/share/applications/factory-classroom.desktop").is_file()
    finally:
        subprocess.run(["dpkg", "--purge", "factory-classroom"], check=True, capture_output=True)
    for gone in ("/opt/factory-classroom", "/usr/bin/trainer", "/usr/bin/factory-classroom",
                 "/usr/share/applications/factory-classroom.desktop"):
        assert not os.path.lexists(gone), gone
    assert (data_folder(tmp_path / "home") / "trainer.db").is_file()


@pytest.mark.skipif(not os.environ.get("TRAINER_TEST_PG_URL"), reason="no PostgreSQL server")
def test_frozen_trainer_on_a_postgresql_server(frozen, tmp_path):
    """Several desks: the frozen `trainer` makes and fills a database on the server (on Linux
    through psycopg's pure-Python implementation and the system's libpq, freeze_filter)."""
    import sqlalchemy as sa

    server = sa.make_url(os.environ["TRAINER_TEST_PG_URL"])
    name = f"frozen_{os.getpid()}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        env = user_env(tmp_path / "home")
        trainer = frozen / f"trainer{EXE}"
        run(trainer, "--db", url, "init", "--org", "秦皇岛市总工会", env=env)
        run(trainer, "--db", url, "demo", "--start", "2026-07-01", env=env)
        info = run(trainer, "--db", url, "--lang", "en", "info", env=env)
        assert "postgresql" in info and "秦皇岛市总工会" in info
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
