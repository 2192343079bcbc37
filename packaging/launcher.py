"""Entry script of the frozen programs: `trainer` (the command line, as `python -m trainer`) when
started under that name, else the window (as `python main.py`).

On Linux the folder has one executable, factory-classroom, and `trainer` is a link to it; on
Windows trainer.exe is a console program and factory-classroom.exe a windowed one, both built
from this script."""
import os
import sys


def started_as_trainer(argv0: str) -> bool:
    return os.path.splitext(os.path.basename(argv0))[0].lower() == "trainer"


if __name__ == "__main__":
    if started_as_trainer(sys.argv[0]):
        from trainer.cli import main
    else:
        from main import main
    sys.exit(main())
