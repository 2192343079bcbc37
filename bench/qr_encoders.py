"""Which QR encoder draws 1,080 certificates' codes fastest, each code still read back right?

Encodes the QR sentence of N certificates (default 1,080; the text trainer.services.certificate_proof
writes: Chinese title, number, code, name, course, date, office, phone) with each encoder that is
installed, times the encoding alone (CPU and wall, best of three), and decodes a sample of each
encoder's codes with zxing-cpp's reader from a bitmap drawn at 4 px a module. The baseline,
measured in the same run, is ReportLab's own pure-Python qrencoder (what trainer.pdf.codes used
before zxing-cpp; its own mask choice, `make()`).

    python bench/qr_encoders.py            # 1,080 codes
    python bench/qr_encoders.py --small    # 108 codes
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def texts(n: int) -> list[str]:
    from tests.scenarios.pdf_scenario import person_name
    from trainer.services.certificate_proof import qr_text

    return [qr_text(kind_title="结业证书", number=f"QHD-2026-AQ-{i + 1:05d}",
                    code=f"K7M2Q{i % 10}XD", name=person_name(i), course="安全生产法与岗位安全责任",
                    issued_on=dt.date(2026, 9, 30), office="秦皇岛市总工会", phone="0335-3012345",
                    url="") for i in range(n)]


def reportlab_rows(text: str) -> list[list[bool]]:
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.make()
    return qr.modules


def zxing_rows(text: str) -> list[list[bool]]:
    from trainer.pdf.codes import qr_matrix

    return qr_matrix(text, "M")


def segno_rows(text: str) -> list[list[bool]]:
    import segno

    return [[bool(m) for m in row]
            for row in segno.make_qr(text, error="m", boost_error=False, encoding="utf-8").matrix]


def qrcode_rows(text: str) -> list[list[bool]]:
    import qrcode

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(text.encode("utf-8"))
    qr.make()
    return qr.modules


ENCODERS = {"ReportLab qrencoder (baseline, pure Python)": (None, reportlab_rows),
            "zxing-cpp (C++, chosen)": ("zxingcpp", zxing_rows),
            "segno (pure Python)": ("segno", segno_rows),
            "qrcode (pure Python)": ("qrcode", qrcode_rows)}


def reads_back(rows: list[list[bool]], text: str) -> bool:
    import zxingcpp
    from PIL import Image

    n, px = len(rows), 4
    image = Image.new("L", ((n + 8) * px, (n + 8) * px), 255)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                image.paste(0, ((c + 4) * px, (r + 4) * px, (c + 5) * px, (r + 5) * px))
    found = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return found is not None and found.text == text


def timed(encode, items: list[str]) -> tuple[float, float]:
    best = (float("inf"), float("inf"))
    for _ in range(3):  # best of three: the machine is shared
        wall, cpu = time.perf_counter(), time.process_time()
        for text in items:
            encode(text)
        best = min(best, (time.process_time() - cpu, time.perf_counter() - wall))
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--codes", type=int, default=1080)
    parser.add_argument("--small", action="store_true", help="108 codes")
    args = parser.parse_args(argv)
    items = texts(108 if args.small else args.codes)
    print(f"{len(items)} certificate QR sentences, {len(items[0].encode())} bytes each (UTF-8)")
    baseline = None
    for label, (module, encode) in ENCODERS.items():
        if module:
            try:
                __import__(module)
            except ImportError:
                print(f"  {label:<44} not installed")
                continue
        cpu, wall = timed(encode, items)
        baseline = baseline or cpu
        sample = items[:: max(1, len(items) // 20)]
        ok = all(reads_back(encode(t), t) for t in sample)
        print(f"  {label:<44} CPU {cpu:6.2f} s  wall {wall:6.2f} s  "
              f"{cpu / len(items) * 1000:6.2f} ms/code  {cpu / baseline:5.2f}× baseline  "
              f"read back {len(sample)}/{len(sample)}: {'yes' if ok else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
