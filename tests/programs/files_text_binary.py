# open() in text and binary modes on real files, as CPython's io stack does it.
import io
import os
import tempfile


def show(e):
    print(type(e).__name__, str(e).replace(D, "D"))


with tempfile.TemporaryDirectory() as D:
    p = os.path.join(D, "notes.txt")

    # write, read back, iterate
    with open(p, "w") as f:
        print(repr(f).replace(D, "D"), f.name == p, f.mode, f.encoding, f.closed)
        print(f.write("alpha\n"), f.write("beta\ngamma"), f.writable(), f.readable())
        print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode)
    print(f.closed)
    with open(p) as f:
        print(repr(f.read()))
    with open(p) as f:
        print([line for line in f])
    with open(p) as f:
        print(repr(f.readline()), repr(f.readline(2)), f.readlines())
    with open(p, "rt") as f:
        print(f.read(3), f.tell(), f.read(), f.tell())
        f.seek(0)
        print(f.readline().rstrip(), f.tell())

    # append and exclusive creation
    with open(p, "a") as f:
        print(f.tell())
        f.write("\ndelta\n")
    with open(p) as f:
        print(f.read().splitlines())
    try:
        open(p, "x")
    except FileExistsError as e:
        show(e)
    with open(os.path.join(D, "new.txt"), "x") as f:
        f.write("fresh")
    with open(os.path.join(D, "new.txt")) as f:
        print(f.read())

    # read-write modes
    with open(p, "r+") as f:
        print(f.read(5))
        f.seek(0)
        f.write("ALPHA")
        f.seek(0)
        print(f.readline().rstrip())
    with open(p, "w+") as f:
        f.write("one\ntwo\n")
        f.seek(0)
        print(f.read().split())

    # binary
    b = os.path.join(D, "data.bin")
    with open(b, "wb") as f:
        print(repr(f).replace(D, "D"), f.mode)
        f.write(bytes(range(10)))
        f.write(bytearray(b"\xff\xfe"))
    with open(b, "rb") as f:
        print(repr(f).replace(D, "D"), f.read(4), f.tell(), f.peek(1)[:1], f.read1(2))
        f.seek(-3, 2)
        print(f.read(), f.seek(0, 1), f.seekable())
    with open(b, "ab") as f:
        f.write(b"!!")
    with open(b, "r+b") as f:
        print(type(f).__name__, f.read())
        f.seek(1)
        f.write(b"XY")
        f.flush()
        f.seek(0)
        print(f.read(5))
        print(f.truncate(3), f.tell())
    print(os.path.getsize(b))
    with open(b, "rb", buffering=0) as f:
        print(repr(f).replace(D, "D"), f.read(2), f.readall(), f.closefd)

    # newline handling
    n = os.path.join(D, "nl.txt")
    with open(n, "w", newline="\r\n") as f:
        f.write("a\nb\n")
    with open(n, "rb") as f:
        print(f.read())
    with open(n) as f:
        print(repr(f.read()), f.newlines)
    with open(n, newline="") as f:
        print(f.readlines())
    with open(n, "wb") as f:
        f.write(b"x\ry\r\nz\n")
    with open(n) as f:
        print(f.readlines(), f.newlines)

    # encodings and errors
    e = os.path.join(D, "enc.txt")
    with open(e, "w", encoding="latin-1") as f:
        f.write("caf\xe9")
    with open(e, "rb") as f:
        print(f.read())
    with open(e, encoding="utf-8", errors="replace") as f:
        print(ascii(f.read()))
    try:
        with open(e, encoding="utf-8") as f:
            f.read()
    except UnicodeDecodeError as ex:
        show(ex)
    with open(e, "w", encoding="utf-8") as f:
        f.write("\u20ac uro")
    with open(e, "rb") as f:
        print(f.read())

    # a file dropped without close() is flushed and closed
    open(os.path.join(D, "dropped.txt"), "w").write("kept")
    with open(os.path.join(D, "dropped.txt")) as f:
        print(f.read())

    # descriptors, closefd and opener
    fd = os.open(p, os.O_RDONLY)
    f = open(fd, closefd=False)
    print(f.name == fd, f.read(3))
    f.close()
    print(os.read(fd, 2))
    os.close(fd)
    calls = []

    def opener(path, flags):
        calls.append(path == p)
        return os.open(path, flags)

    with open(p, opener=opener) as f:
        print(f.read(3), calls)

    # errors
    for args, kw in [
        ((os.path.join(D, "missing"),), {}),
        ((D,), {}),
        ((D, "w"), {}),
        ((p, "rw"), {}),
        ((p, "rtb"), {}),
        ((p, "z"), {}),
        ((p, "rb"), {"encoding": "utf-8"}),
        ((p, "rb"), {"newline": ""}),
        ((p, "r"), {"buffering": 0}),
        ((p, 5), {}),
        ((1.5,), {}),
        ((p, "r"), {"newline": "x"}),
        ((fd,), {}),
    ]:
        try:
            open(*args, **kw)
        except (OSError, ValueError, TypeError) as ex:
            show(ex)
    f = open(p)
    f.close()
    for op in (f.read, f.readline, lambda: f.write("x"), lambda: next(iter(f)), f.tell):
        try:
            op()
        except ValueError as ex:
            show(ex)
    with open(p, "rb") as f:
        try:
            f.write(b"x")
        except io.UnsupportedOperation as ex:
            show(ex)
    with open(p, "w") as f:
        try:
            f.read()
        except io.UnsupportedOperation as ex:
            show(ex)
    raw = io.FileIO(p, "r")
    print(raw.readable(), raw.writable(), raw.mode, raw.closed)
    raw.close()
    print(repr(raw), raw.closed)
    try:
        io.FileIO(p, "rw")
    except ValueError as ex:
        show(ex)
