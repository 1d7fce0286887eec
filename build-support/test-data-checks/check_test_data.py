#!/usr/bin/env python3
"""Fails when test-data/ differs from what its own scripts check and generate (Python 3 standard library only).

Run by `./mvnw -B verify` (this folder's pom.xml, skipped with -DskipTests), or by hand. test-data/'s scripts
read and write their own folder, so each stage runs them on a fresh copy of test-data/ under WORK and then
compares the copy with test-data/, byte for byte:

1. checks: check_sample.py and check_csv_sample.py compare the raw sample with expected/ and write nothing;
   check_dedup.py, check_enrich_sessions.py and check_marts.py derive expected/dedup-events.json,
   enrich-events.json, sessions.json and marts/*.json from the raw files and write them, so a committed
   file that differs from what they derive shows up as a difference in the copy.
2. regenerate: make_sample.py and make_csv_sample.py (each then runs its checker) rebuild the raw sample,
   their expected files, README.md and CSV-SAMPLE.md from fixed seeds (gzip mtime 0), about 2 s. The .gz
   and .bz2 files come out the same only with the same zlib and bzip2 (as on the developers' and CI's
   machines): with another zlib build (zlib-ng, say) only .gz files would differ, and the checks stage
   would still pass.

None of these scripts reads a job's output. A script exiting non-zero or any difference fails (exit 1).

Usage: python3 build-support/test-data-checks/check_test_data.py [WORK]   (default: target/ beside this file)
"""

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEST_DATA = HERE.parent.parent / "test-data"

# In the order of test-data/README.md's "Regenerate": check_enrich_sessions.py and check_marts.py read the
# expected/dedup-events.json that check_dedup.py writes before them.
STAGES = [
    ("checks", ["check_sample.py", "check_csv_sample.py", "check_dedup.py", "check_enrich_sessions.py",
                "check_marts.py"]),
    ("regenerate", ["make_sample.py", "make_csv_sample.py"]),
]

# Not part of the sample: check_marts.py imports the other checkers, so a run without PYTHONDONTWRITEBYTECODE
# leaves a __pycache__ beside them.
IGNORED = shutil.ignore_patterns("__pycache__")
MAX_DIFF_LINES = 40


def files(root):
    result = set()
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        result.update(Path(folder, name).relative_to(root) for name in names)
    return result


def differences(produced):
    """One message per file of test-data/ or of the produced copy that the other lacks or holds otherwise."""
    ours, theirs = files(TEST_DATA), files(produced)
    messages = []
    for path in sorted(ours | theirs):
        if path not in theirs:
            messages.append("%s: not in the produced copy" % path)
        elif path not in ours:
            messages.append("%s: produced, not in test-data/" % path)
        else:
            a, b = (TEST_DATA / path).read_bytes(), (produced / path).read_bytes()
            if a != b:
                messages.append("%s: differs\n%s" % (path, text_diff(a, b, path)))
    return messages


def text_diff(a, b, path):
    try:
        old, new = a.decode("utf-8").splitlines(True), b.decode("utf-8").splitlines(True)
    except UnicodeDecodeError:
        return "  (binary: %d bytes in test-data/, %d produced)" % (len(a), len(b))
    lines = list(difflib.unified_diff(old, new, "test-data/%s" % path, "produced/%s" % path, n=1))
    if len(lines) > MAX_DIFF_LINES:
        lines = lines[:MAX_DIFF_LINES] + ["... %d more diff lines" % (len(lines) - MAX_DIFF_LINES)]
    return "\n".join("  " + line.rstrip("\n") for line in lines)


def run_stage(name, scripts, work):
    copy = work / name / "test-data"
    shutil.rmtree(copy.parent, ignore_errors=True)
    shutil.copytree(TEST_DATA, copy, ignore=IGNORED)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    for script in scripts:
        # Output kept for a failure; on success the last line is the script's summary.
        done = subprocess.run([sys.executable, str(copy / script)], cwd=copy, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, encoding="utf-8", errors="replace")
        lines = done.stdout.rstrip("\n").split("\n")
        if done.returncode != 0:
            print(done.stdout.rstrip("\n"))
            print("FAILED: test-data/%s exited %d (run on %s)" % (script, done.returncode, copy), flush=True)
            return False
        print("test-data %s: %s: %s" % (name, script, lines[-1]), flush=True)
    found = differences(copy)
    for message in found:
        print("FAILED: test-data/%s" % message, flush=True)
    if found:
        print("test-data %s: %d file(s) differ from the copy in %s. If the change is intended, run the scripts "
              "in place in the order test-data/README.md gives (Regenerate) and commit what they write."
              % (name, len(found), copy), flush=True)
        return False
    print("test-data %s: OK, the copy is byte for byte test-data/ after %s" % (name, ", ".join(scripts)), flush=True)
    return True


def main():
    if len(sys.argv) > 2:
        print("Usage: python3 build-support/test-data-checks/check_test_data.py [WORK]", file=sys.stderr)
        return 2
    work = Path(sys.argv[1]).resolve() if len(sys.argv) == 2 else HERE / "target"
    results = [run_stage(name, scripts, work) for name, scripts in STAGES]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
