#!/usr/bin/env python3
"""Run CPython 3.11's own unit tests (its `Lib/test/test_*.py`) under permafrost and CPython.

For each named test module, a small runner program is frozen together with the module (and
the `test.support` package it imports) and run with `permafrost run`; the same runner runs
under python3. The runner reports every test's outcome on its own line as soon as it
finishes, so a crash or a hang still leaves the outcomes before it. The script then prints,
per module, how many tests pass on each interpreter and which tests pass on CPython but not
on permafrost (the defects to look at), and optionally writes a CSV.

    python3 scripts/cpython_tests.py --bin target/debug/permafrost test_list test_dict
    python3 scripts/cpython_tests.py --bin ... --show test_list      # print the failing tests' output too
    python3 scripts/cpython_tests.py --bin ... --csv out.csv test_*  # names may be globs over Lib/test

`--stdlib DIR` freezes from another Lib/ (a scratch copy with a module patched, say, while a
module the tests import cannot be compiled yet); `--path DIR` adds a search directory. A test
package (`test_json`) has its `test_*` submodules imported by the runner, since its
`load_tests` finds them on disk at run time.

CPython's tests test CPython, implementation details included (`sys.getrefcount`, C API,
`gc` internals): a test that fails here is a lead, not always a defect. Each module runs
with a time limit (`--timeout`, default 300 s); a module that times out or crashes reports
the outcomes it printed before.
"""

import argparse
import csv
import fnmatch
import os
import re
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

RUNNER = r'''
import sys, unittest, io
{extra}
from test import {name} as module


class Result(unittest.TestResult):
    """Prints one line per finished test: the outcome and the test's id."""

    def _report(self, test, outcome, detail=None):
        print("@@", outcome, test.id(), flush=True)
        if detail is not None and {show}:
            print(detail, flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._report(test, "ok")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._report(test, "FAIL", self.failures[-1][1])

    def addError(self, test, err):
        super().addError(test, err)
        self._report(test, "ERROR", self.errors[-1][1])

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._report(test, "skip")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._report(test, "ok")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._report(test, "FAIL")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._report(subtest, "FAIL", self._exc_info_to_string(err, test))


# A package's own `load_tests` lists its directory, which a worker cannot: its submodules
# (imported above) are loaded one by one instead.
subs = [sys.modules[n] for n in {subs!r}]
# A module's `load_tests` that reads files (doctest files, test data directories) fails in a
# worker: its TestCase classes are then loaded without it.
def load(m):
    loader = unittest.defaultTestLoader
    tests = loader.loadTestsFromModule(m)
    if getattr(m, "load_tests", None) is not None and any(
        isinstance(t, unittest.loader._FailedTest) for t in tests
    ):
        hook, m.load_tests = m.load_tests, None
        try:
            tests = loader.loadTestsFromModule(m)
        finally:
            m.load_tests = hook
    return tests


suite = unittest.TestSuite(load(m) for m in subs or [module])
suite.run(Result())
print("@@ done", flush=True)
'''

# Modules a test module imports only by a name computed at run time (`import_fresh_module`).
EXTRA_IMPORTS = {"test_datetime": ["test.datetimetester"]}

LINE = re.compile(r"^@@ (ok|FAIL|ERROR|skip) (.*)$")


def stdlib_dir():
    return Path(sysconfig.get_paths()["stdlib"])


def run(cmd, timeout, cwd):
    try:
        p = subprocess.run(
            cmd, cwd=cwd, capture_output=True, text=True, errors="replace", timeout=timeout,
            env={**os.environ, "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"},
        )
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        err = e.stderr.decode(errors="replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
        return "timeout", out, err


def outcomes(stdout):
    """Maps test id -> outcome; a subtest failure marks its test failed."""
    result = {}
    for line in stdout.splitlines():
        m = LINE.match(line)
        if m:
            outcome, test_id = m.groups()
            # Subtests print as "test_id (params)"; fold them into their test.
            base = test_id.split(" ", 1)[0]
            if outcome != "ok" or base not in result:
                if result.get(base) not in ("FAIL", "ERROR"):
                    result[base] = outcome
    return result


def last_error_line(stderr):
    lines = [l for l in stderr.strip().splitlines() if l.strip()]
    return lines[-1][:200] if lines else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="the permafrost binary")
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--show", action="store_true", help="print the output of tests that fail on permafrost only")
    ap.add_argument("--csv", help="write per-module counts here")
    ap.add_argument("--path", action="append", default=[],
                    help="an extra search directory for freeze, before Lib/ (repeatable)")
    ap.add_argument("--stdlib", help="the Lib/ directory freeze compiles (default: CPython's)")
    ap.add_argument("modules", nargs="+", help="test module names (test_list), globs allowed")
    args = ap.parse_args()

    testdir = stdlib_dir() / "test"
    names = []
    for pattern in args.modules:
        found = sorted(p.stem for p in testdir.glob(pattern + ".py")) if any(c in pattern for c in "*?[") else [pattern]
        names.extend(n for n in found if n not in names)
    binary = str(Path(args.bin).resolve())
    sysconfigdata = stdlib_dir() / (
        f"_sysconfigdata_{sys.abiflags}_{sys.platform}_{getattr(sys.implementation, '_multiarch', '')}.py"
    )

    rows = []
    totals = [0, 0, 0]
    with tempfile.TemporaryDirectory(prefix="pf-cpython-tests-") as tmp:
        for name in names:
            main_py = Path(tmp) / f"run_{name}.py"
            # A package's `load_tests` imports its submodules by name at run time: name them
            # statically so that freeze brings them.
            pkg = testdir / name
            subs = sorted(p.stem for p in pkg.glob("test_*.py")) if pkg.is_dir() else []
            imports = "".join(f"import test.{name}.{s}\n" for s in subs)
            imports += "".join(f"import {m}\n" for m in EXTRA_IMPORTS.get(name, []))
            sub_names = [f"test.{name}.{s}" for s in subs]
            main_py.write_text(RUNNER.format(name=name, show=args.show, extra=imports, subs=sub_names))
            image = Path(tmp) / f"run_{name}.pfi"
            extra = [str(sysconfigdata)] if sysconfigdata.exists() else []
            paths = [a for p in args.path for a in ("--path", str(Path(p).resolve()))]
            if args.stdlib:
                paths += ["--stdlib", str(Path(args.stdlib).absolute())]
            code, out, err = run([binary, "freeze", str(main_py), *extra, *paths, "-o", str(image)],
                                 args.timeout, tmp)
            cp_code, cp_out, cp_err = run([sys.executable, str(main_py)], args.timeout, tmp)
            cp = outcomes(cp_out)
            if code != 0:
                pf, status = {}, "freeze failed: " + last_error_line(err)
            else:
                code, out, err = run([binary, "run", str(image)], args.timeout, tmp)
                pf = outcomes(out)
                if "@@ done" in out:
                    status = "completed"
                elif code == "timeout":
                    status = f"timeout after {args.timeout:.0f} s"
                else:
                    status = f"exit {code}: " + last_error_line(err)
            cp_ok = sum(1 for o in cp.values() if o == "ok")
            pf_ok = sum(1 for t, o in pf.items() if o == "ok" and cp.get(t) == "ok")
            regressions = sorted(t for t, o in cp.items() if o == "ok" and pf.get(t) != "ok")
            totals[0] += cp_ok
            totals[1] += pf_ok
            totals[2] += len(cp)
            rows.append((name, cp_ok, pf_ok, len(cp), status))
            print(f"{name}: {pf_ok}/{cp_ok} of CPython's passing tests pass ({status})", flush=True)
            for t in regressions:
                print(f"    {pf.get(t, 'not run')}: {t}")
            if args.show and regressions:
                block = None
                for line in out.splitlines():
                    m = LINE.match(line)
                    if m:
                        block = m.group(2).split(" ", 1)[0] in regressions and m.group(1) != "ok"
                        if block:
                            print("  " + line)
                    elif block:
                        print("  | " + line)
    print(f"\ntotal: {totals[1]}/{totals[0]} of CPython's passing tests pass under permafrost "
          f"({100.0 * totals[1] / max(totals[0], 1):.1f} %), {len(names)} modules")
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["module", "cpython_pass", "permafrost_pass", "tests", "status"])
            w.writerows(rows)


if __name__ == "__main__":
    main()
