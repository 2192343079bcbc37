"""packaging/icu_data.py: Qt's ICU data cut to the Chinese and English items still sorts names by
pinyin exactly as the whole data does, and still converts GB18030/GBK/Big5 (the three things Qt
Core asks ICU for are the collator, the calendar and the converters)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from icu_data import items_to_remove  # noqa: E402


def test_only_foreign_locales_converters_and_unused_trees_are_removed():
    items = ["root.res", "zh.res", "zh_Hans_CN.res", "en_US.res", "fr.res", "de_.res",
             "yue_Hant_HK.res", "coll/zh.res", "coll/ja.res", "coll/ucadata.icu", "pool.res",
             "supplementalData.res", "zoneinfo64.res", "metadata.res", "likelySubtags.res",
             "gb18030.cnv", "ibm-943_P15A-2003.cnv", "cnvalias.icu", "brkitr/root.res",
             "brkitr/cjdict.dict", "translit/root.res", "zone/zh.res", "zone/fr.res"]
    assert items_to_remove(items) == [
        "fr.res", "de_.res", "yue_Hant_HK.res", "coll/ja.res", "ibm-943_P15A-2003.cnv",
        "brkitr/root.res", "brkitr/cjdict.dict", "translit/root.res", "zone/fr.res"]


PROBE = r"""
import json
from PySide6.QtCore import QCollator, QLocale, QStringConverter, QStringDecoder
names = ["张三", "李四", "王五", "阿强", "赵六", "钱七", "孙八", "周九", "吴十", "郑十一",
         "欧阳修", "单雄信", "曾巩", "𠮷田", "喆喆", "Zhang", "安妮"]
collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
print(json.dumps({"order": sorted(names, key=collator.sortKey),
                  "codecs": [c for c in ("GB18030", "GBK", "GB2312", "Big5")
                             if QStringDecoder(c).isValid()]}, ensure_ascii=False))
"""


def probe(env: dict) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Could not create collator" not in done.stderr, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux builds only")
@pytest.mark.skipif(not all(shutil.which(t) for t in ("icupkg", "gcc", "objcopy", "readelf")),
                    reason="needs icu-devtools, gcc and binutils")
def test_cut_data_sorts_and_converts_as_the_whole_data(tmp_path):
    import PySide6

    from icu_data import shrink_library

    whole = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    shrink_library(whole, tmp_path / whole.name)
    assert (tmp_path / whole.name).stat().st_size < whole.stat().st_size / 4
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    expected = probe(env)
    # Qt Core's RUNPATH comes after LD_LIBRARY_PATH: the cut library is the one loaded
    cut = probe({**env, "LD_LIBRARY_PATH": str(tmp_path)})
    assert cut == expected
    assert cut["order"][:4] == ["阿强", "安妮", "曾巩", "单雄信"]  # pinyin (曾: céng), not code point
    assert cut["codecs"] == ["GB18030", "GBK", "GB2312", "Big5"]
