"""Crash safety: `trainer import` of a large list and `trainer certificate issue` for a large
class, killed with SIGKILL at random moments of their work, several times. Each time the SQLite
file passes PRAGMA integrity_check and holds all of the work or none of it (rows and their audit
entries alike), and the command run again afterwards completes.

The moment: the import prints `accepted N, rejected M` just before its one transaction starts;
the certificate command has made the day's automatic backup just before it starts issuing. A
first, unkilled run of each measures how long the work lasts; the kills fall inside that span
(a little past its end too, so a kill after the commit is also seen). Set TRAINER_CRASH_SEED
to repeat a run."""
import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.scenarios.certificate_keys import PASSPHRASE as KEY_PASSPHRASE
from tests.scenarios.pdf_scenario import make_class
from trainer.db.migrate import open_database
from trainer.rules.id_number import check_character
from trainer.services.certificate_keys import create_key
from trainer.services.enterprises import EnterpriseForm, create_enterprise
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
              pytest.mark.slow]

ROWS = 20_000
CLASS_SIZE = 600
TRIALS = 4
ROOT = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("TRAINER_CRASH_SEED") or random.randrange(1_000_000))


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """An office with an enterprise, a class of CLASS_SIZE whose trainees mostly qualify, and
    a CSV list of ROWS new trainees."""
    folder = tmp_path_factory.mktemp("crash")
    path = folder / "template.db"
    db = open_database(f"sqlite:///{path}")
    uow = UnitOfWork(db)
    create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
    create_enterprise(uow, EnterpriseForm("新余恒达钢铁"))
    scenario = make_class(uow, trainees=CLASS_SIZE, lessons=4)
    create_key(uow, KEY_PASSPHRASE, folder=folder / "keys")  # each run's data folder gets a copy
    db.dispose()
    roster = folder / "roster.csv"
    with open(roster, "w", encoding="utf-8") as out:
        out.write("姓名,身份证号,手机号\n")
        for i in range(ROWS):
            birth = dt.date(1975, 1, 1) + dt.timedelta(days=i // 900)
            first = f"360521{birth:%Y%m%d}{i % 900 + 1:03d}"
            out.write(f"王{'伟芳娜敏静丽强磊'[i % 8]}{'军洋勇艳'[i // 8 % 4]},"
                      f"{first}{check_character(first)},139{i:08d}\n")
    return path, roster, scenario.cohort_id


class Run:
    """`python -m trainer …` on its own copy of the database, watched line by line."""

    def __init__(self, template: Path, folder: Path, args: list[str]) -> None:
        folder.mkdir()
        self.db = folder / "office.db"
        shutil.copyfile(template, self.db)
        for keys in (template.parent / "keys", template.parent / "data" / "certificate-keys"):
            if keys.is_dir():  # the officer's signing key file, in this run's data folder
                shutil.copytree(keys, folder / "data" / "certificate-keys")
                break
        env = dict(os.environ, PYTHONUNBUFFERED="1", TRAINER_DATA_DIR=str(folder / "data"),
                   PYTHONPATH=str(ROOT), TRAINER_KEY_PASSPHRASE=KEY_PASSPHRASE)
        for name in ("TRAINER_USER", "TRAINER_PASSWORD", "TRAINER_TOKEN", "TRAINER_DATABASE_URL"):
            env.pop(name, None)
        self.started = time.perf_counter()
        self.lines: list[tuple[float, str]] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "trainer", "--lang", "en", *args, "--db", str(self.db)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
            env=env, cwd=ROOT)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append((time.perf_counter() - self.started, line.rstrip()))

    def wait_for(self, found, timeout: float = 120) -> float:
        """Seconds since start when found(self) first held."""
        end = time.perf_counter() + timeout
        while not found(self):
            if self.process.poll() is not None and not found(self):
                self.finish()
                raise AssertionError(f"ended before the moment looked for: {self.lines}")
            if time.perf_counter() >= end:
                self.process.kill()
                self.finish()
                raise AssertionError(f"not seen in {timeout} s: {self.lines}")
            time.sleep(0.005)
        return time.perf_counter() - self.started

    def line_time(self, prefix: str) -> float:
        return next(t for t, text in self.lines if text.startswith(prefix))

    def printed(self, prefix: str):
        return lambda run: any(text.startswith(prefix) for _t, text in run.lines)

    def backed_up(self, run) -> bool:
        folder = self.db.parent / "backups"
        return folder.is_dir() and any(p.suffix == ".db" for p in folder.iterdir())

    def finish(self) -> int:
        """Waits for the end, reads the rest of the output and closes the pipe."""
        try:
            return self.process.wait(timeout=300)
        finally:
            self.reader.join(timeout=10)
            self.process.stdout.close()

    def kill_after(self, delay: float) -> int:
        time.sleep(delay)
        self.process.send_signal(signal.SIGKILL)
        return self.finish()


def stratified(rng: random.Random, trial: int, window: float) -> float:
    """A random moment in the trial's own slice of the window: the kills cover it from start
    to end whatever the seed (seed 48944 drew four moments in the last tenth)."""
    return rng.uniform(trial, trial + 1) / TRIALS * window


def _check(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        counts = {
            "trainees": conn.execute("SELECT count(*) FROM trainees").fetchone()[0],
            "certificates": conn.execute("SELECT count(*) FROM certificates").fetchone()[0],
            "trainee_entries": conn.execute(
                "SELECT count(*) FROM audit_log WHERE entity = 'trainees' AND action = 'create' "
                "AND after LIKE '{%columns%rows%'").fetchone()[0],  # a bulk statement's entry
            "certificate_entries": conn.execute(
                "SELECT count(*) FROM audit_log WHERE entity = 'certificates'").fetchone()[0],
        }
    finally:
        conn.close()
    return counts


def test_killing_a_large_import_leaves_all_or_nothing(template, tmp_path):
    path, roster, _cohort = template
    args = ["import", "trainees", str(roster), "--enterprise", "新余恒达钢铁"]
    base = _check(path)
    whole = Run(path, tmp_path / "whole", args)
    assert whole.finish() == 0, whole.lines
    begun, done = whole.line_time("accepted"), whole.line_time("created")
    full = _check(whole.db)
    assert full["trainees"] == base["trainees"] + ROWS and full["trainee_entries"] > 1
    rng = random.Random(SEED)
    outcomes = []
    for trial in range(TRIALS):
        run = Run(path, tmp_path / f"kill{trial}", args)
        run.wait_for(run.printed("accepted"))
        delay = stratified(rng, trial, 1.1 * (done - begun))
        code = run.kill_after(delay)
        counts = _check(run.db)
        state = ("none" if counts == base else "all" if counts == full else counts)
        outcomes.append((round(delay, 2), code, state))
        assert state in ("none", "all"), (SEED, outcomes)
    print(f"import of {ROWS} rows, write phase {done - begun:.2f} s, seed {SEED}: {outcomes}")
    assert any(code == -signal.SIGKILL and state == "none" for _d, code, state in outcomes), \
        (SEED, outcomes)
    again = Run(run.db, tmp_path / "again", args)  # the killed database works on
    assert again.finish() == 0 and _check(again.db)["trainees"] == full["trainees"]


def test_killing_a_bulk_certificate_issue_leaves_all_or_nothing(template, tmp_path):
    path, _roster, cohort = template
    args = ["certificate", "issue", "--class", str(cohort)]
    base = _check(path)
    whole = Run(path, tmp_path / "whole", args)
    begun = whole.wait_for(whole.backed_up)
    assert whole.finish() == 0, whole.lines
    done = whole.lines[-1][0]
    full = _check(whole.db)
    issued = full["certificates"]
    assert issued > CLASS_SIZE // 3 and full["certificate_entries"] == issued
    rng = random.Random(SEED + 1)
    outcomes = []
    for trial in range(TRIALS):
        run = Run(path, tmp_path / f"kill{trial}", args)
        run.wait_for(run.backed_up)
        delay = stratified(rng, trial, 1.1 * (done - begun))
        code = run.kill_after(delay)
        counts = _check(run.db)
        state = "none" if counts == base else "all" if counts == full else counts
        outcomes.append((round(delay, 2), code, state))
        assert state in ("none", "all"), (SEED, outcomes)
    print(f"{issued} certificates, work {done - begun:.2f} s, seed {SEED}: {outcomes}")
    assert any(code == -signal.SIGKILL and state == "none" for _d, code, state in outcomes), \
        (SEED, outcomes)
    again = Run(run.db, tmp_path / "again", args)
    assert again.finish() == 0 and _check(again.db)["certificates"] == issued
