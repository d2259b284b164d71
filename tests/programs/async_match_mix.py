# Coroutines (await, async for/with, async generators, types.coroutine) and match patterns.
import types
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as s:
        return s.value
class Aw:
    def __await__(self):
        yield "tick"
        return 42
async def a():
    return await Aw()
print(run(a()))
async def agen():
    for i in range(3):
        yield i
        await Aw()
async def use():
    out = [x async for x in agen()]
    out2 = [x * 2 async for x in agen() if x]
    async with CM() as v:
        out.append(v)
    return out, out2
class CM:
    async def __aenter__(self): return "entered"
    async def __aexit__(self, *a): print("aexit", a[0]); return False
print(run(use()))
c = a()
print(type(c).__name__, c.cr_running, c.__qualname__)
c.close()
t(lambda: c.send(None))
@types.coroutine
def old():
    yield 1
    return 2
async def uses_old():
    return await old()
print(run(uses_old()))
async def bad():
    await 5
t(lambda: run(bad()))
async def raiser():
    raise ValueError("in coro")
t(lambda: run(raiser()))
ag = agen()
t(lambda: type(ag.__anext__()).__name__)
async def closer():
    g = agen()
    v = await g.__anext__()
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return v, "stopped"
print(run(closer()))
def m(x):
    match x:
        case {"k": [1, *rest]} if rest:
            return ("map", rest)
        case [int() | float() as n, str(s)]:
            return ("seq", n, s)
        case (1, 2) | (2, 1):
            return "pair"
        case str() as s if len(s) > 3:
            return "long"
        case {**kw} if not kw:
            return "emptymap"
        case None | True:
            return "singleton"
        case complex(real=r):
            return ("complex", r)
        case _:
            return "other"
for v in [{"k": [1, 2]}, [3.0, "x"], (2, 1), "hello", {}, None, True, 1j, [1], "ab", {"k": [1]}]:
    print(m(v))
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
def mp(p):
    match p:
        case Pt(0, y=0): return "origin"
        case Pt(x, 0): return f"xaxis {x}"
        case Pt(x=x, y=y) if x == y: return "diag"
        case Pt(): return "pt"
print([mp(Pt(0, 0)), mp(Pt(3, 0)), mp(Pt(2, 2)), mp(Pt(1, 2))])
t(lambda: exec("match 1:\n    case Pt(1, 2, 3): pass", {"Pt": Pt}))
t(lambda: exec("match Pt(1,2):\n    case Pt(1, 2, 3): pass", {"Pt": Pt}))
t(lambda: exec("match Pt(1,2):\n    case Pt(1, x=2): pass", {"Pt": Pt}))
t(lambda: exec("match 5:\n    case int(1, 2): pass"))
