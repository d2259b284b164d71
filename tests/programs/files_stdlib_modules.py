# Standard-library modules over real files: tempfile, shutil, pathlib, glob, fnmatch, csv,
# json, logging.FileHandler, gzip, zipfile.
import csv
import fnmatch
import glob
import gzip
import json
import logging
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

with tempfile.TemporaryDirectory(prefix="pf-") as D:
    base = Path(D)
    print(os.path.basename(D).startswith("pf-"), base.is_dir())

    # tempfile
    fd, name = tempfile.mkstemp(suffix=".tmp", dir=D)
    os.write(fd, b"raw")
    os.close(fd)
    print(name.endswith(".tmp"), os.path.dirname(name) == D, open(name, "rb").read())
    with tempfile.NamedTemporaryFile("w+", dir=D, suffix=".txt", delete=True) as nt:
        nt.write("named")
        nt.flush()
        nt.seek(0)
        print(nt.read(), os.path.exists(nt.name), nt.name.endswith(".txt"))
    print(os.path.exists(nt.name))
    with tempfile.TemporaryFile() as tf:
        tf.write(b"anonymous")
        tf.seek(0)
        print(tf.read())
    with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as sp:
        sp.write("short")
        print(sp._rolled)
        sp.write(" and now longer than ten")
        print(sp._rolled)
        sp.seek(0)
        print(sp.read())
    sub = tempfile.mkdtemp(dir=D)
    print(os.path.isdir(sub), os.listdir(sub))

    # pathlib
    notes = base / "notes" / "today.txt"
    notes.parent.mkdir(parents=True)
    print(notes.write_text("line 1\nline 2\n"), notes.read_text().splitlines())
    (base / "notes" / "blob.bin").write_bytes(b"\x00\x01")
    print(notes.exists(), notes.is_file(), notes.parent.is_dir(), notes.stat().st_size)
    print(sorted(p.name for p in (base / "notes").iterdir()))
    print(sorted(p.relative_to(base).as_posix() for p in base.glob("notes/*.txt")))
    print(sorted(p.relative_to(base).as_posix() for p in base.rglob("*.bin")))
    renamed = notes.rename(base / "notes" / "yesterday.txt")
    print(renamed.name, notes.exists(), renamed.exists())
    print(renamed.resolve() == Path(os.path.realpath(renamed)), (base / "notes").resolve().is_absolute())
    with renamed.open() as f:
        print(f.readline().rstrip())
    try:
        (base / "notes").mkdir()
    except FileExistsError as e:
        print(type(e).__name__, e.errno)
    (base / "notes").mkdir(exist_ok=True)
    renamed.unlink()
    renamed.unlink(missing_ok=True)
    try:
        renamed.read_text()
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)

    # shutil
    src = base / "src"
    (src / "deep").mkdir(parents=True)
    (src / "a.txt").write_text("A")
    (src / "deep" / "b.txt").write_text("B")
    shutil.copyfile(src / "a.txt", base / "copy.txt")
    shutil.copy(src / "a.txt", base / "notes")
    shutil.copy2(src / "a.txt", base / "copy2.txt")
    print((base / "copy.txt").read_text(), sorted(os.listdir(base / "notes")))
    shutil.copytree(src, base / "tree")
    print(sorted(str(p.relative_to(base / "tree")) for p in (base / "tree").rglob("*")))
    shutil.move(str(base / "copy.txt"), str(base / "moved.txt"))
    print((base / "moved.txt").exists(), (base / "copy.txt").exists())
    shutil.rmtree(base / "tree")
    print((base / "tree").exists())
    print(shutil.disk_usage(D).total > 0)

    # glob and fnmatch
    for n in ["x1.py", "x2.py", "y.txt"]:
        (base / n).write_text(n)
    print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(D, "*.py"))))
    print(sorted(glob.glob("**/*.txt", root_dir=D, recursive=True)))
    print(fnmatch.filter(sorted(os.listdir(D)), "x?.py"))

    # csv and json
    rows = [["name", "qty"], ["apple", "3"], ["pear, green", "5"]]
    with open(base / "t.csv", "w", newline="") as f:
        csv.writer(f).writerows(rows)
    print((base / "t.csv").read_bytes())
    with open(base / "t.csv", newline="") as f:
        print(list(csv.DictReader(f)))
    with open(base / "d.json", "w") as f:
        json.dump({"b": [1, 2], "a": None}, f, indent=2, sort_keys=True)
    with open(base / "d.json") as f:
        print(json.load(f), (base / "d.json").read_text().count("\n"))

    # logging to a file
    log = logging.getLogger("files")
    handler = logging.FileHandler(base / "app.log")
    handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
    log.addHandler(handler)
    log.warning("first %d", 1)
    log.error("second")
    handler.close()
    log.removeHandler(handler)
    print((base / "app.log").read_text().splitlines())

    # gzip and zipfile on disk
    with gzip.open(base / "c.gz", "wt") as g:
        g.write("compressed text\n" * 3)
    with gzip.open(base / "c.gz", "rt") as g:
        print(g.read().count("compressed"))
    with zipfile.ZipFile(base / "z.zip", "w") as z:
        z.writestr("inner.txt", "zipped")
        z.write(base / "moved.txt", "moved.txt")
    with zipfile.ZipFile(base / "z.zip") as z:
        print(sorted(z.namelist()), z.read("inner.txt"))
print(os.path.exists(D))
