"""`trainer certificate …`: issue, revoke, reissue, verify, list, and the signing key.

Issuing signs with the office's private key: its file in the data folder (or --key-file),
opened with the passphrase from $TRAINER_KEY_PASSPHRASE, --passphrase-stdin or a prompt.
`certificate verify` takes a number and a code, or the QR code's text as scanned, and exits 0
for a genuine certificate, 5 for a revoked one and 6 for one that is not genuine;
--public-key checks against the office's published public key instead of the database's."""
from __future__ import annotations

import os
import sys

from trainer.cli.common import (COMMON, EXIT_NOT_GENUINE, EXIT_REVOKED, UsageError, iso_date,
                                open_db, print_table, print_warnings, resolve_class_option)
from trainer.texts import columns, pick, text

ENV_PASSPHRASE = "TRAINER_KEY_PASSPHRASE"


def add_key_options(p) -> None:
    p.add_argument("--key-file", metavar="FILE", help="the signing key file (default: the data folder's)")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help=f"read the key's passphrase from standard input (else ${ENV_PASSPHRASE} or a prompt)")


def add_commands(sub) -> None:
    cert = sub.add_parser("certificate", parents=[COMMON], help="issue, revoke, reissue, verify",
                          epilog="verify exits 0 genuine, 5 revoked, 6 not genuine.")
    cert.set_defaults(run=cmd_certificate)
    acts = cert.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = acts.add_parser("issue", parents=[COMMON], help="issue to everyone who qualifies in a class")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID_OR_CODE")
    p.add_argument("--kind", choices=["completion", "attendance"], default="completion")
    p.add_argument("--date", type=iso_date, default=None, help="date of issue (default: today)")
    p.add_argument("--grade", default="")
    add_key_options(p)
    p = acts.add_parser("revoke", parents=[COMMON], help="revoke a certificate (kept, marked revoked)")
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    p = acts.add_parser("reissue", parents=[COMMON], help="replace a certificate by a new number")
    p.add_argument("number")
    p.add_argument("--reason", default="")
    p.add_argument("--out", metavar="FILE", help="print the new certificate")
    add_key_options(p)
    p = acts.add_parser("verify", parents=[COMMON], help="genuine, revoked or not genuine?",
                        description="Give NUMBER CODE, or the QR code's text as one argument.")
    p.add_argument("number", metavar="NUMBER_OR_QR_TEXT")
    p.add_argument("code", nargs="?", default=None)
    p.add_argument("--public-key", metavar="PEM", help="verify with the office's published public key")
    p = acts.add_parser("list", parents=[COMMON], help="certificates of a class")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID_OR_CODE")
    p.add_argument("--all", action="store_true", help="include revoked certificates")

    key = acts.add_parser("key", parents=[COMMON], help="the office's signing key",
                          description="create (administrator), show its fingerprint, export a "
                          "backup of the private key file, import it on another desk, write the "
                          "public key to publish.")
    kacts = key.add_subparsers(dest="key_action", required=True, metavar="KEY_ACTION")
    q = kacts.add_parser("create", parents=[COMMON], help="make the signing key (administrator)")
    q.add_argument("--replace", action="store_true", help="retire the current key (it keeps verifying)")
    q.add_argument("--passphrase-stdin", action="store_true")
    kacts.add_parser("show", parents=[COMMON], help="fingerprint and where the key file is")
    q = kacts.add_parser("export", parents=[COMMON], help="copy the encrypted private key file (backup)")
    q.add_argument("--out", metavar="FILE", required=True)
    add_key_options(q)
    q = kacts.add_parser("import", parents=[COMMON], help="install an exported key file on this desk")
    q.add_argument("file")
    q.add_argument("--passphrase-stdin", action="store_true")
    q = kacts.add_parser("public", parents=[COMMON], help="write the public key (PEM) to publish")
    q.add_argument("--out", metavar="FILE", required=True)


def issue_summary(result) -> str:
    return text("trust.issued", issued=len(result.issued), already=len(result.already),
                not_eligible=len(result.not_eligible))


def _passphrase(args, prompt: str) -> str:
    if getattr(args, "passphrase_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if passphrase is None and sys.stdin is not None and sys.stdin.isatty():
        import getpass

        passphrase = getpass.getpass(text(prompt))
    if passphrase is None:
        raise UsageError(text("trust.passphrase_needed", env=ENV_PASSPHRASE))
    return passphrase


def signer_for(args, uow):
    """The unlocked signing key for issuing (CertificateError when it cannot be opened)."""
    from trainer.security.guard import require
    from trainer.security.roles import CERTIFICATES
    from trainer.services.certificate_keys import load_signer

    require(uow, CERTIFICATES, "create", "certificates")  # before asking for a passphrase
    return load_signer(uow, _passphrase(args, "trust.signing_passphrase"),
                       getattr(args, "key_file", None))


def _key(args, uow) -> int:
    from trainer.errors import CertificateError
    from trainer.services import certificate_keys as keys

    if args.key_action == "create":
        info, path = keys.create_key(uow, _passphrase(args, "trust.new_key_passphrase"),
                                     replace=args.replace)
        print(text("trust.key_made", fingerprint=info.fingerprint_display))
        print(text("trust.key_file_made", path=path))
        return 0
    if args.key_action == "import":
        path = keys.import_private_key(uow, args.file, _passphrase(args, "trust.key_passphrase"))
        print(path)
        return 0
    info = keys.current_key(uow)
    if info is None:
        raise CertificateError("no_key")
    if args.key_action == "show":
        file = keys.key_file(info.fingerprint)
        print(text("trust.fingerprint", fingerprint=info.fingerprint_display))
        print(text("trust.key_made_on", day=f"{info.created_at:%Y-%m-%d}", by=info.created_by))
        print(text("trust.key_file", path=file if file.exists() else text("trust.no_key_file")))
        return 0
    if args.key_action == "export":
        print(keys.export_private_key(uow, args.out, _passphrase(args, "trust.key_passphrase")))
        return 0
    from trainer.files import atomic_output

    with atomic_output(args.out) as partial:  # public
        partial.write_text(keys.public_key_pem(info), encoding="ascii")
    print(f"{args.out} ({info.fingerprint_display})")
    return 0


def cmd_certificate(args) -> int:
    from trainer.services import certificates as svc

    _db, uow = open_db(args)
    resolve_class_option(args, uow)
    if args.action == "key":
        return _key(args, uow)
    if args.action == "issue":
        result = svc.issue_certificates(uow, args.cohort, args.kind, issued_on=args.date,
                                        grade=args.grade, signer=signer_for(args, uow))
        print(issue_summary(result))
        for c in result.issued:
            print(f"  {c.number}  {c.code_display}  {c.trainee_name}")
        for o in result.not_eligible:
            print(f"  — {o.name}: {o.reason}")
        return 0
    if args.action == "revoke":
        c = svc.revoke_certificate(uow, args.number, args.reason)
        print(text("trust.revoked", number=c.number, reason=c.revoked_reason))
        return 0
    if args.action == "reissue":
        c = svc.reissue_certificate(uow, args.number, args.reason, signer=signer_for(args, uow))
        print(f"{args.number} → {c.number}  {c.code_display}")
        if args.out:
            from trainer.pdf.certificates import build_certificate

            result = build_certificate(uow, c.number, args.out)
            print_warnings(result)
            print(result.path)
        return 0
    if args.action == "verify":
        from trainer.services.certificate_keys import read_public_key
        from trainer.services.certificate_verification import verify_text

        public = read_public_key(args.public_key) if args.public_key else None
        verdict = verify_text(uow, args.number, args.code, public_key=public)
        print(verdict.message())
        return {"genuine": 0, "legacy": 0, "revoked": EXIT_REVOKED}.get(verdict.status,
                                                                         EXIT_NOT_GENUINE)
    # list
    rows = []
    for c in svc.list_certificates(uow, cohort_id=args.cohort, current_only=not args.all):
        state = pick(svc.TEXTS["revoked" if c.revoked_at else "genuine"])
        rows.append([c.number, c.code_display, pick(svc.KINDS[c.kind]), c.trainee_name,
                     c.issued_on.isoformat(), state])
    print_table(rows, columns("trust.heads_certificates"))
    print(f"({len(rows)})")
    return 0

