"""Where an import's CPU time goes, for bench_import.py: the importer's stage functions wrapped
(a few hundred calls, none per row) so each adds the CPU seconds it spent less those of the
stages inside it; what no inner stage covers is counted as the rest of the preview / the run."""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator

# (module, class or '', attribute, label): replaced where the caller looks it up
STAGES = (
    ("trainer.io.importing", "", "preview_import", "preview: the rest (header, mapping…)"),
    ("trainer.io.importing", "", "read_table", "read: calamine, sheet → Python lists"),
    ("trainer.io.reading", "", "scan_xlsx", "read: zip scan against the limits, hidden rows"),
    ("trainer.io.reading", "", "_to_rows", "read: lists → tuples, texts kept once"),
    ("trainer.io.importing", "", "_check_rows", "rows: clean, validate, repeats in the file"),
    ("trainer.io.importing", "", "_against_database", "rows: look-up of the ID numbers"),
    ("trainer.io.importing", "", "run_import", "run: the rest (chunks, commit)"),
    ("trainer.services.trainee_import", "", "bulk_write", "run: trail entry (masks, JSON, digests)"),
    ("trainer.services.trainee_import", "TraineeWriter", "_execute", "run: INSERT executemany"),
    ("trainer.services.trainee_import", "TraineeWriter", "__exit__", "run: search index (FTS5)"),
    ("trainer.security.guard", "", "write_entries", "run: trail hash chain, entries written"),
)


@contextmanager
def stage_times() -> Iterator[dict[str, float]]:
    """Inside the block each stage's own CPU seconds are summed into the dict yielded."""
    import importlib

    spent: dict[str, float] = {label: 0.0 for *_where, label in STAGES}
    stack: list[float] = []  # CPU seconds of the stages called inside the running one
    undo = []
    for module_name, owner, attribute, label in STAGES:
        target = importlib.import_module(module_name)
        target = getattr(target, owner) if owner else target
        original = getattr(target, attribute)

        def timed(*args, _original=original, _label=label, **kwargs):
            start = time.process_time()
            stack.append(0.0)
            try:
                return _original(*args, **kwargs)
            finally:
                inner = stack.pop()
                total = time.process_time() - start
                spent[_label] += total - inner
                if stack:
                    stack[-1] += total

        setattr(target, attribute, timed)
        undo.append((target, attribute, original))
    try:
        yield spent
    finally:
        for target, attribute, original in reversed(undo):
            setattr(target, attribute, original)


def print_table(spent: dict[str, float], total: float, read_cpu: float) -> None:
    print(f"{'stage (CPU s, own time)':52s} {'cpu':>6s} {'share':>6s} {'× read':>7s}")
    for label, seconds in spent.items():
        print(f"{label:52s} {seconds:6.2f} {seconds / total:6.0%} {seconds / read_cpu:7.2f}")
