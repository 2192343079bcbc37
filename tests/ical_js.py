"""Calendar files read back by ical.js (the npm package calendar web apps use), through node:
an independent parser beside the icalendar package. ical.js is installed once into a cache
folder; tests skip only when node/npm are missing or the npm registry cannot be reached."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from filelock import FileLock

VERSION = "2"  # ical.js 2.x: CommonJS build at dist/ical.es5.cjs
_OFFLINE = ("ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNREFUSED", "ECONNRESET", "ENETUNREACH",
            "network")

_READER = r"""
const [pkg, ...files] = process.argv.slice(1);  // node -e SCRIPT PACKAGE FILE…
const loaded = require(pkg);
const ICAL = loaded.default || loaded;  // the CommonJS build exports { default }
const fs = require('fs');
const out = files.map(path => {
  const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(path, 'utf8')));
  for (const zone of cal.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return cal.getAllSubcomponents('vevent').map(v => {
    const e = new ICAL.Event(v);
    return {uid: e.uid, sequence: e.sequence, status: v.getFirstPropertyValue('status'),
            start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(),
            summary: e.summary, dtstamp: v.getFirstPropertyValue('dtstamp').toString()};
  });
});
process.stdout.write(JSON.stringify(out));
"""


def _cache() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "factory-classroom-tests" / f"ical.js-{VERSION}"


def ical_js() -> Path:
    """The installed package's folder (installing it on first use)."""
    if not (shutil.which("node") and shutil.which("npm")):
        pytest.skip("node and npm are not installed")
    folder = _cache()
    package = folder / "node_modules" / "ical.js"
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder / ".lock")):
        if not (package / "package.json").exists():
            done = subprocess.run(
                ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(folder),
                 f"ical.js@{VERSION}"], capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                if any(word in done.stderr for word in _OFFLINE):
                    pytest.skip("the npm registry cannot be reached: " + done.stderr[-300:])
                raise AssertionError("npm install ical.js failed: " + done.stderr[-2000:])
    return package


def read_events(*paths: Path) -> list[list[dict]]:
    """Each file's VEVENTs as ical.js reads them: uid, sequence, status, start/end (UTC ISO),
    summary, dtstamp."""
    package = ical_js()
    done = subprocess.run(["node", "-e", _READER, str(package), *map(str, paths)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
