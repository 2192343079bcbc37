"""What `pip install .` installs: the wheel must carry the migrations, translations and icons,
since tests run from the source tree and would not notice them missing."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_carries_migrations_translations_and_icons(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("factory_classroom-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in ROOT.glob("trainer/db/migrations/**/*"):
        if path.suffix in (".py", ".mako"):
            assert path.relative_to(ROOT).as_posix() in names
    for pattern in ("resources/translations/*.qm", "resources/icons/*"):
        files = list(ROOT.glob(pattern))
        assert files and all(f.relative_to(ROOT).as_posix() in names for f in files)
    assert "main.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "trainer = trainer.cli:main" in text and "factory-classroom = main:main" in text
