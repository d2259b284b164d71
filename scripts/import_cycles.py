#!/usr/bin/env python3
"""Print the import cycles among one crate's source files (strongly connected components of
the graph "file A names an item of file B through a `crate::` path"), largest first.

    python3 scripts/import_cycles.py worker/src

A file depends on another when it writes `crate::a::b` (in a `use` or inline) and `a/b.rs`
or `a/b/mod.rs` exists; `super::` paths count for the parent module. Files that only declare
submodules (`mod x;`) do not depend on them by that alone.
"""

import re
import sys
from pathlib import Path


def module_path(root: Path, f: Path) -> tuple:
    rel = f.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] in ("mod", "lib"):
        parts = parts[:-1]
    return tuple(parts)


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "worker/src")
    files = sorted(root.rglob("*.rs"))
    by_mod = {module_path(root, f): f for f in files}
    deps = {f: set() for f in files}
    path_re = re.compile(r"\b(crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
    use_group_re = re.compile(r"use crate::([a-z_][a-z0-9_:]*)::\{([^}]*)\}", re.S)
    for f in files:
        text = f.read_text()
        text = re.sub(r"//[^\n]*", "", text)
        text = text.split("#[cfg(test)]")[0]
        here = module_path(root, f)
        is_mod_file = f.stem in ("mod", "lib")
        candidates = []
        for m in path_re.finditer(text):
            segs = [s for s in m.group(2).split("::") if s]
            if m.group(1) == "super":
                base = list(here[:-1]) if not is_mod_file else list(here[:-1])
                segs = base + segs
            candidates.append(segs)
        for m in use_group_re.finditer(text):
            prefix = m.group(1).split("::")
            for item in m.group(2).split(","):
                item = item.strip().split("::")[0]
                if item and item[0].islower():
                    candidates.append(prefix + [item])
        for segs in candidates:
            # The longest prefix naming a module file (the crate root for `crate::Item`).
            for n in range(len(segs), -1, -1):
                target = by_mod.get(tuple(segs[:n]))
                if target is not None:
                    if target != f:
                        deps[f].add(target)
                    break
    # Tarjan's strongly connected components.
    index, low, on, stack, sccs, counter = {}, {}, set(), [], [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in deps[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            sccs.append(comp)

    for f in files:
        if f not in index:
            visit(f)
    cycles = sorted((c for c in sccs if len(c) > 1), key=len, reverse=True)
    if not cycles:
        print("no import cycles")
    for c in cycles:
        print(f"{len(c)} files: " + " ".join(sorted(str(p.relative_to(root)) for p in c)))


if __name__ == "__main__":
    main()
