# The os module's file-system calls on real files: descriptors, stat, directories, links.
import os
import stat
import tempfile
from pathlib import PurePath


def show(e):
    print(type(e).__name__, e.errno, str(e).replace(D, "D"))


with tempfile.TemporaryDirectory() as D:
    p = os.path.join(D, "f.dat")

    # descriptors
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(isinstance(fd, int), os.write(fd, b"hello world"), os.get_inheritable(fd))
    os.close(fd)
    fd = os.open(p, os.O_RDWR)
    print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -5, os.SEEK_END))
    print(os.read(fd, 100), os.read(fd, 100))
    os.ftruncate(fd, 5)
    os.lseek(fd, 0, os.SEEK_SET)
    print(os.read(fd, 100), os.fstat(fd).st_size, os.isatty(fd))
    os.fsync(fd)
    os.close(fd)
    try:
        os.close(fd)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
    try:
        os.read(fd, 1)
    except OSError as e:
        print(type(e).__name__, e.errno)

    # stat
    st = os.stat(p)
    print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), len(st))
    print(type(st.st_mtime).__name__, type(st[stat.ST_MTIME]).__name__, st.st_mtime_ns // 10**9 == st[8])
    print(stat.S_IFMT(os.stat(D).st_mode) == stat.S_IFDIR, os.path.getsize(p))
    os.chmod(p, 0o600)
    print(oct(stat.S_IMODE(os.stat(p).st_mode)), os.access(p, os.R_OK), os.access(os.path.join(D, "no"), os.F_OK))
    os.utime(p, (1000000000, 1500000000))
    st = os.stat(p)
    print(st.st_atime, st.st_mtime, st.st_mtime_ns, os.path.getmtime(p))
    os.utime(p, ns=(5 * 10**9 + 7, 6 * 10**9 + 9))
    print(os.stat(p).st_mtime_ns, os.stat(p).st_atime_ns)
    os.truncate(p, 2)
    print(os.path.getsize(p))

    # directories
    os.mkdir(os.path.join(D, "a"))
    os.makedirs(os.path.join(D, "a", "b", "c"))
    os.makedirs(os.path.join(D, "a", "b"), exist_ok=True)
    for name in ("x.txt", "y.txt"):
        with open(os.path.join(D, "a", name), "w") as f:
            f.write(name)
    print(sorted(os.listdir(os.path.join(D, "a"))))
    print(sorted(os.listdir(os.path.join(D, "a").encode())))
    print(sorted(os.listdir(PurePath(D, "a"))))
    with os.scandir(os.path.join(D, "a")) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path == os.path.join(D, "a", e.name), e.is_dir(), e.is_file(),
              e.is_symlink(), e.stat().st_size if e.is_file() else "-", os.fspath(e) == e.path,
              e.inode() == os.stat(e.path).st_ino)
    print(type(entries[0]).__name__, isinstance(entries[0], os.DirEntry), os.DirEntry[str])
    walked = [(os.path.relpath(r, D), sorted(ds), sorted(fs)) for r, ds, fs in os.walk(D)]
    print(sorted(walked))
    print(os.path.isdir(os.path.join(D, "a", "b")), os.path.exists(os.path.join(D, "nope")))

    # rename, replace, remove
    src = os.path.join(D, "a", "x.txt")
    os.rename(src, os.path.join(D, "a", "z.txt"))
    os.replace(os.path.join(D, "a", "y.txt"), os.path.join(D, "a", "z.txt"))
    print(sorted(os.listdir(os.path.join(D, "a"))), open(os.path.join(D, "a", "z.txt")).read())
    os.remove(os.path.join(D, "a", "z.txt"))
    os.rmdir(os.path.join(D, "a", "b", "c"))
    os.removedirs(os.path.join(D, "a", "b"))
    print(sorted(os.listdir(D)))

    # links
    os.symlink(p, os.path.join(D, "link"))
    print(os.path.islink(os.path.join(D, "link")), os.readlink(os.path.join(D, "link")) == p)
    print(stat.S_ISLNK(os.lstat(os.path.join(D, "link")).st_mode), os.path.realpath(os.path.join(D, "link")) == os.path.realpath(p))
    os.link(p, os.path.join(D, "hard"))
    print(os.stat(p).st_nlink, os.path.samefile(p, os.path.join(D, "hard")))

    # the working directory
    old = os.getcwd()
    os.chdir(D)
    print(os.getcwd() == os.path.realpath(D), os.path.exists("f.dat"), os.path.abspath("f.dat") == os.path.join(os.getcwd(), "f.dat"))
    os.chdir(old)

    # errors carry errno and file names
    for f, args in [
        (os.stat, (os.path.join(D, "missing"),)),
        (os.listdir, (p,)),
        (os.mkdir, (D,)),
        (os.rmdir, (D,)),
        (os.remove, (D,)),
        (os.rename, (os.path.join(D, "missing"), os.path.join(D, "other"))),
        (os.readlink, (p,)),
        (os.open, (os.path.join(D, "missing"), os.O_RDONLY)),
        (os.chdir, (p,)),
        (os.stat, (os.path.join(D, "missing").encode(),)),
    ]:
        try:
            f(*args)
        except OSError as e:
            show(e)
            print(" ", e.filename == args[0], e.filename2 == (args[1] if f is os.rename else None))
    for f, args in [(os.stat, (1.5,)), (os.mkdir, (None,)), (os.listdir, (2.5,)), (os.stat, ("a\0b",))]:
        try:
            f(*args)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
print(os.path.exists(D))
