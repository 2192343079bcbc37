"""What do permissions and the audit trail cost? Times the same work with the guard's session
events (trainer/security/guard.py) and with them removed, on fresh SQLite databases:

- importing a CSV list of N trainees (run_import: one transaction, bulk INSERTs — one audit
  entry per chunk holding its rows),
- issuing the certificates of a class of M trainees (one audit entry per certificate),
- saving an attendance grid of the class (one entry per changed cell),
- 200 single edits of trainees through update_trainee (one entry each, as a logged-in clerk).

    python bench/trust_overhead.py                 # 50,000 trainees, a class of 1,000
    python bench/trust_overhead.py --rows 20000 --class-size 600 --repeat 1
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

EVENTS = (("before_flush", "_before_flush"), ("after_flush", "_after_flush"),
          ("do_orm_execute", "_bulk_statement"), ("after_transaction_end", "_forget_actor"))


def guard_events(on: bool) -> None:
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from trainer.security import guard

    for name, function in EVENTS:
        handler = getattr(guard, function)
        if on and not event.contains(Session, name, handler):
            event.listen(Session, name, handler)
        elif not on and event.contains(Session, name, handler):
            event.remove(Session, name, handler)


def write_roster(path: Path, rows: int) -> None:
    from trainer.rules.id_number import check_character

    with open(path, "w", encoding="utf-8") as out:
        out.write("姓名,身份证号,手机号\n")
        for i in range(rows):
            birth = dt.date(1970, 1, 1) + dt.timedelta(days=i // 900)
            first = f"360521{birth:%Y%m%d}{i % 900 + 1:03d}"
            out.write(f"王{'伟芳娜敏静丽强磊'[i % 8]}{'军洋勇艳'[i // 8 % 4]},"
                      f"{first}{check_character(first)},139{i:08d}\n")


def one_round(folder: Path, roster: Path, class_size: int, with_guard: bool) -> dict[str, float]:
    from tests.scenarios.pdf_scenario import make_class
    from trainer.db.migrate import open_database
    from trainer.io.importing import preview_import, run_import
    from trainer.security.users import create_first_admin, create_user
    from trainer.services import attendance, trainees
    from tests.scenarios.certificate_keys import make_signer
    from trainer.services.certificates import issue_certificates
    from trainer.services.enterprises import EnterpriseForm, create_enterprise
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    guard_events(True)  # the setup needs users, which need the guard's actor
    db = open_database(f"sqlite:///{folder / ('with.db' if with_guard else 'without.db')}")
    uow = UnitOfWork(db)
    create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
    create_enterprise(uow, EnterpriseForm("新余恒达钢铁"))
    scenario = make_class(uow, trainees=class_size, lessons=4)
    admin = create_first_admin(db, "admin", "bench password 1")
    officer = create_user(UnitOfWork(db, user=admin), "officer", "bench password 1", "officer")
    guard_events(with_guard)
    actor = UnitOfWork(db, user=officer) if with_guard else UnitOfWork(db)
    out = {}
    preview = preview_import(actor, "trainees", roster, enterprise="新余恒达钢铁")
    start = time.perf_counter()
    run_import(actor, preview)
    out["import"] = time.perf_counter() - start
    signer = make_signer(actor, UnitOfWork(db, user=admin) if with_guard else None)
    start = time.perf_counter()
    issued = issue_certificates(actor, scenario.cohort_id, signer=signer)
    out["certificates"] = time.perf_counter() - start
    out["certificates_n"] = len(issued.issued)
    changes = [attendance.CellChange(lesson, trainee, "late", 12)
               for lesson in scenario.lesson_ids[:2] for trainee in scenario.trainee_ids]
    start = time.perf_counter()
    attendance.save_attendance(actor, changes)
    out["attendance"] = time.perf_counter() - start
    out["attendance_n"] = len(changes)
    people = [trainees.get_trainee(actor, t) for t in scenario.trainee_ids[:200]]
    start = time.perf_counter()
    for person in people:
        trainees.update_trainee(actor, person.id, trainees.TraineeForm(
            person.name, person.id_number, mobile=person.mobile, post="班组长"), person.version)
    out["edits"] = time.perf_counter() - start
    db.dispose()
    guard_events(True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--class-size", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best time counts")
    args = parser.parse_args()
    without: dict[str, float] = {}
    with_: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        roster = Path(tmp) / "roster.csv"
        write_roster(roster, args.rows)
        for n in range(args.repeat):  # alternating, so a busy moment hurts both alike
            for guarded, best in ((False, without), (True, with_)):
                folder = Path(tmp) / f"{n}-{guarded}"
                folder.mkdir()
                for key, value in one_round(folder, roster, args.class_size, guarded).items():
                    best[key] = min(best.get(key, value), value)
    rows = (("import", f"import {args.rows:,} trainees"),
            ("certificates", f"issue {with_['certificates_n']:,} certificates"),
            ("attendance", f"save {with_['attendance_n']:,} attendance cells"),
            ("edits", "200 single trainee edits"))
    print(f"{'':32}{'without':>10}{'with':>10}{'ratio':>8}")
    for key, label in rows:
        print(f"{label:32}{without[key]:>9.2f}s{with_[key]:>9.2f}s{with_[key] / without[key]:>8.2f}")


if __name__ == "__main__":
    main()
