"""Start times of the frozen app against the source checkout, side by side (issue 19).

    python bench/frozen_startup.py [--frozen dist/factory-classroom] [--runs 3]

Measures, on the same SQLite database (made first with `trainer init` + `trainer demo`):
- `trainer --help`: the frozen `trainer` against `python -m trainer` (target: frozen ≤ 1 s);
- the window: from starting the process to its first window on the screen (the sign-in or
  first-start dialog: the whole start-up — imports, Qt, opening the database — is behind it), the
  frozen `factory-classroom` against `python main.py` (target: frozen ≤ 1.5 × source).
The window is watched on a private Xvfb display with xwininfo (packages xvfb, x11-utils).
Prints the median of --runs runs of each and the folder's size."""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ".exe" if sys.platform.startswith("win") else ""


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def shown_windows(env: dict) -> int:
    """Named top-level windows bigger than Qt's 1×1 and 3×3 helper windows."""
    out = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True,
                         env={**env, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
                         text=True, errors="replace").stdout
    sizes = re.findall(r'^\s*0x[0-9a-f]+ ".*?":.*?\s(\d+)x(\d+)\+', out, re.M)
    return sum(1 for w, h in sizes if int(w) > 50 and int(h) > 50)


def window_shown(command: list[str], env: dict, timeout: float = 60) -> float:
    """Seconds from starting `command` until a named top-level window is mapped."""
    errors = tempfile.TemporaryFile()  # not a pipe: a chatty program would block on it
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=errors)
    try:
        while time.perf_counter() - start < timeout:
            if shown_windows(env):
                return time.perf_counter() - start
            if process.poll() is not None:
                errors.seek(0)
                raise RuntimeError(f"{command[0]} ended before showing a window: "
                                   f"{errors.read().decode(errors='replace')[-2000:]}")
            time.sleep(0.02)
        windows = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True,
                                 env={**env, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
                                 text=True, errors="replace").stdout
        raise RuntimeError(f"no window after {timeout} s: {windows[-1500:]}")
    finally:
        process.kill()
        process.wait()
        errors.close()


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "factory-classroom")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    frozen = args.frozen.resolve()
    with tempfile.TemporaryDirectory(prefix="fc-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TRAINER_", "QT_"))}
        env.update(HOME=tmp, TRAINER_DATA_DIR=str(Path(tmp) / "data"), LANG="zh_CN.UTF-8")
        db = str(Path(tmp) / "office.db")
        trainer = str(frozen / f"trainer{EXE}")
        subprocess.run([trainer, "init", "--db", db, "--org", "新余市总工会"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([trainer, "demo", "--db", db, "--start", "2027-01-01"], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        source_cli = [sys.executable, "-m", "trainer", "--help"]
        rows = [("trainer --help", [trainer, "--help"], source_cli, timed, 1.0)]
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1366x768x24",
                                 "-nolisten", "tcp"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        try:
            env.update(DISPLAY=":" + xvfb.stdout.readline().decode().strip(),
                       QT_QPA_PLATFORM="xcb")
            rows.append(("window shown", [str(frozen / f"factory-classroom{EXE}"), "--db", db],
                         [sys.executable, "main.py", "--db", db], window_shown, None))
            print(f"{'what':16}{'frozen s':>10}{'source s':>10}{'ratio':>8}  target")
            for name, frozen_cmd, source_cmd, measure, limit in rows:
                measure(frozen_cmd, env), measure(source_cmd, env)  # warm the disk cache
                f = statistics.median(measure(frozen_cmd, env) for _ in range(args.runs))
                s = statistics.median(measure(source_cmd, env) for _ in range(args.runs))
                target = f"frozen ≤ {limit} s" if limit else "frozen ≤ 1.5 × source"
                ok = f <= limit if limit else f <= 1.5 * s
                print(f"{name:16}{f:10.2f}{s:10.2f}{f / s:8.2f}  {target}: "
                      f"{'ok' if ok else 'MISSED'}")
        finally:
            xvfb.kill()
            xvfb.wait()
    print(f"frozen folder: {folder_size(frozen) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
