"""Cold start of the real app to its first page filled, against a bare PySide6 window (issue 21).

    python bench/bench_start.py --db /tmp/speed_1m_v9.db [--runs 5] [--first-of-day]

Each run starts a new process: `main.main()` as the user starts it (--lang zh_CN, the trainees
page remembered as the last page), the login dialog filled and confirmed by a timer (so the
argon2 check is in the figure; its own time is printed beside), and the time taken when the
main window is shown with the trainees page's first batch in its model. The baseline is a
process that shows an empty QMainWindow of the same size, measured in the same run.

The database is copied once (the original is left alone) and upgraded by the first run; a user
`bench` is made in the copy. --first-of-day removes the day's backup before each run, so every
run is the first start of the day (the daily backup of the whole file).

Prints per kind: median wall seconds from process start to the filled page (target ≤ 0.8 s),
CPU seconds of the process at that moment, its peak RSS, and the ratio to the bare window; and
how long the process took to quit after it was asked to."""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
USER, PASSWORD = "bench", "bench-password-1"


def child_app(db: str) -> None:
    """Runs in the measured process: the real app, with the login typed by a timer."""
    import resource

    sys.path.insert(0, str(ROOT))
    import main as app_main
    from PySide6.QtCore import QTimer
    from ui.dialogs.login_dialog import LoginDialog

    timing = {"auth": 0.0}
    submit = LoginDialog.submit

    def timed_submit(dialog):
        start = time.perf_counter()
        submit(dialog)
        timing["auth"] = time.perf_counter() - start

    def typed_exec(dialog):
        def type_in():
            dialog.username.setText(USER)
            dialog.password.setText(PASSWORD)
            dialog.ok_button.click()
            if dialog.isVisible():  # refused: say why instead of waiting for a hand
                print(f"login refused: {dialog.problem.text()}", file=sys.stderr, flush=True)
                os._exit(1)
        QTimer.singleShot(0, type_in)
        return QDialogExec(dialog)

    QDialogExec = LoginDialog.exec
    LoginDialog.submit = timed_submit
    LoginDialog.exec = typed_exec

    def run(app, window) -> int:
        window.show()

        def report():
            page = window.current_page()
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print(f"FILLED {page.PAGE_ID} {page.model.rowCount()} "
                  f"{usage.ru_utime + usage.ru_stime:.3f} {usage.ru_maxrss} "
                  f"{timing['auth']:.3f}", flush=True)
            app.quit()

        QTimer.singleShot(0, report)
        code = app.exec()
        import shiboken6
        shiboken6.delete(window)
        return code

    app_main.run = run
    sys.exit(app_main.main(["main.py", "--db", db, "--lang", "zh_CN"]))


def child_bare() -> None:
    import resource

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()

    def report():
        usage = resource.getrusage(resource.RUSAGE_SELF)
        print(f"FILLED bare 0 {usage.ru_utime + usage.ru_stime:.3f} {usage.ru_maxrss} 0",
              flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    sys.exit(app.exec())


def one_run(kind: str, db: str, env: dict) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--db", db]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    line = ""
    for line in proc.stdout:
        if line.startswith("FILLED"):
            break
    filled = time.perf_counter() - start
    _pid, status, _usage = os.wait4(proc.pid, 0)
    quit_time = time.perf_counter() - start - filled
    proc.stdout.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    parts = line.split()
    if proc.returncode != 0 or len(parts) != 6:
        raise SystemExit(f"{kind}: the process ended with {proc.returncode} before its page "
                         f"was filled ({line.strip()!r})")
    _tag, page, rows, cpu, rss_kb, auth = parts
    return {"wall": filled, "cpu": float(cpu), "rss": int(rss_kb) / 1024, "auth": float(auth),
            "quit": quit_time, "page": page, "rows": int(rows)}


def prepare(source: Path, folder: Path) -> Path:
    """A copy of the database, upgraded, with the bench's user."""
    db = folder / source.name
    print(f"copying {source} ({source.stat().st_size / 2**20:.0f} MB) …", flush=True)
    shutil.copyfile(source, db)
    sys.path.insert(0, str(ROOT))
    from trainer.db.migrate import open_database
    from trainer.security.users import create_first_admin, users_exist

    database = open_database(f"sqlite:///{db}", create=False)
    if not users_exist(database):
        create_first_admin(database, USER, PASSWORD)
    database.dispose()
    return db


def settings_home(folder: Path) -> Path:
    home = folder / "config"
    conf = home / "FactoryClassroom" / "FactoryClassroom.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text("[ui]\nlanguage=zh_CN\n\n[window]\nlast_page=trainees\n", encoding="utf-8")
    return home


def remove_daily(db: Path) -> None:
    for copy in (db.parent / "backups").glob(f"{db.stem}-daily-*"):
        copy.unlink()


def summary(name: str, runs: list[dict], bare: float | None) -> None:
    wall = statistics.median(r["wall"] for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)
    rss = max(r["rss"] for r in runs)
    quit_time = statistics.median(r["quit"] for r in runs)
    ratio = f"  {wall / bare:4.1f}× bare" if bare else ""
    extra = ""
    if runs[0]["page"] != "bare":
        extra = (f"  (login check {statistics.median(r['auth'] for r in runs):.3f} s; page "
                 f"{runs[0]['page']} with {runs[0]['rows']} rows)")
    print(f"{name:<28} wall {wall:6.3f} s  CPU {cpu:6.3f} s  peak RSS {rss:6.1f} MB  "
          f"quit {quit_time:5.3f} s{ratio}{extra}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a SQLite database file (left unchanged)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--first-of-day", action="store_true",
                        help="also measure starts that make the day's backup")
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "app":
        child_app(args.db)
    if args.child == "bare":
        child_bare()
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        folder = Path(tmp)
        db = prepare(Path(args.db), folder)
        # byte code as an installed program has it (pip and the frozen build compile it): kept
        # in a folder of the run's, made by the warm-up start, so no run compiles sources
        env = {**os.environ, "XDG_CONFIG_HOME": str(settings_home(folder)),
               "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        one_run("bare", str(db), env)  # warm-up: the file cache, the byte code
        one_run("app", str(db), env)
        kinds = {"bare PySide6 window": [], "app, later start of the day": []}
        if args.first_of_day:
            kinds["app, first start of the day"] = []
        for _ in range(args.runs):  # interleaved: a load change hits every kind alike
            kinds["bare PySide6 window"].append(one_run("bare", str(db), env))
            kinds["app, later start of the day"].append(one_run("app", str(db), env))
            if args.first_of_day:
                remove_daily(db)
                kinds["app, first start of the day"].append(one_run("app", str(db), env))
        print(f"{args.runs} runs each, median; {os.cpu_count()} cores; database {args.db}")
        bare = statistics.median(r["wall"] for r in kinds["bare PySide6 window"])
        for name, runs in kinds.items():
            summary(name, runs, None if name.startswith("bare") else bare)
        print("target: the app ≤ 0.8 s wall to its filled first page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
