# Everyday file chores: logging to a file, csv/pickle/configparser files, print(file=),
# fileinput, filecmp, the working directory, and a traceback's last line.
import os, sys, tempfile, logging, csv, json, pickle, shutil, configparser, filecmp, fileinput, traceback
from pathlib import Path
with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    logging.basicConfig(filename="app.log", level=logging.INFO, format="%(levelname)s %(message)s")
    logging.info("hello %s", "world")
    logging.shutdown()
    print(open("app.log").read().strip())
    with open("out.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["a", "b"]); w.writeheader(); w.writerow({"a": 1, "b": "x,y"})
    print(open("out.csv").read())
    with open("p.pkl", "wb") as f:
        pickle.dump({"k": [1, 2, (3, 4)]}, f)
    with open("p.pkl", "rb") as f:
        print(pickle.load(f))
    with open("f.txt", "w") as f:
        print("printed", 1, 2, file=f)
        print("more", file=f)
    for i, line in enumerate(open("f.txt")):
        print(i, line.rstrip())
    cp = configparser.ConfigParser(); cp["s"] = {"k": "v"}
    with open("c.ini", "w") as f: cp.write(f)
    cp2 = configparser.ConfigParser(); print(cp2.read("c.ini"), cp2["s"]["k"])
    shutil.copy("f.txt", "g.txt"); print(filecmp.cmp("f.txt", "g.txt", shallow=False))
    with fileinput.input(["f.txt", "g.txt"]) as fi:
        print([l.rstrip() for l in fi])
    print(shutil.which("sh") is not None, Path.cwd() == Path(os.path.realpath(d)))
    try:
        1/0
    except ZeroDivisionError:
        print(traceback.format_exc().splitlines()[-1])
    os.chdir("/")
