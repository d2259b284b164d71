# Async generators driven by hand: __anext__/asend/athrow/aclose awaitables and their states.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


def show(label, f):
    try:
        print(label, "->", f())
    except BaseException as e:
        print(label, "!!", type(e).__name__, e)


class Suspend:
    def __await__(self):
        v = yield "suspended"
        return v


async def talker():
    try:
        x = yield 1
        print("  sent", x)
        y = yield 2
        print("  sent", y)
    except ValueError as e:
        print("  caught", e)
        yield "recovered"
    finally:
        print("  finally")


ag = talker()
print(type(ag).__name__, ag.__name__, ag.__qualname__, ag.ag_running, ag.ag_await)
print(ag.ag_code.co_name, hex(talker.__code__.co_flags))
print(repr(ag).split(" at 0x")[0])
print(type(ag.__anext__()).__name__, type(ag.asend(1)).__name__, type(ag.athrow(ValueError)).__name__, type(ag.aclose()).__name__)
print(ag.__aiter__() is ag)
show("first", lambda: ag.asend(None).send(None))
show("asend", lambda: ag.asend("hello").send(None))
show("athrow", lambda: ag.athrow(ValueError("v")).send(None))
show("next", lambda: ag.__anext__().send(None))
show("exhausted", lambda: ag.__anext__().send(None))
show("aclose done", lambda: ag.aclose().send(None))
show("athrow done", lambda: ag.athrow(KeyError).send(None))

ag = talker()
show("asend value first", lambda: ag.asend(1).send(None))
show("non-None send", lambda: ag.asend(None).send(1))
aw = ag.__anext__()
show("one", lambda: aw.send(None))
show("reuse asend", lambda: aw.send(None))
show("aclose suspended", lambda: ag.aclose().send(None))
show("after aclose", lambda: ag.__anext__().send(None))


async def awaiting():
    for i in range(2):
        got = await Suspend()
        yield (i, got)


ag = awaiting()
aw = ag.__anext__()
show("pass-through", lambda: aw.send(None))
print("running", ag.ag_running, type(ag.ag_await).__name__)
show("own yield", lambda: aw.send("x"))
print("running", ag.ag_running)
show("running check", lambda: [ag.__anext__().send(None), ag.__anext__().send(None)])
show("athrow running", lambda: ag.athrow(ValueError).send(None))
show("aclose running", lambda: ag.aclose().send(None))


async def ignorer():
    try:
        yield 1
    except GeneratorExit:
        yield 2


ag = ignorer()
show("start", lambda: ag.__anext__().send(None))
show("ignored exit", lambda: ag.aclose().send(None))


async def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  cleanup awaits")
        await Suspend()
        print("  cleanup done")
        raise


ag = catches_exit()
show("start", lambda: ag.__anext__().send(None))
closer = ag.aclose()
show("aclose suspends", lambda: closer.send(None))
show("aclose finishes", lambda: closer.send(None))
show("aclose reuse", lambda: closer.send(None))


async def raises_sai():
    raise StopAsyncIteration
    yield


show("StopAsyncIteration inside", lambda: raises_sai().__anext__().send(None))


async def raises_si():
    raise StopIteration
    yield


show("StopIteration inside", lambda: raises_si().__anext__().send(None))


async def returns():
    yield "only"
    return


ag = returns()
show("only", lambda: ag.__anext__().send(None))
show("end", lambda: ag.__anext__().send(None))
ag = returns()
show("aclose unstarted", lambda: ag.aclose().send(None))
show("anext after", lambda: ag.__anext__().send(None))


async def through_throw():
    try:
        await Suspend()
    except KeyError:
        yield "from handler"


ag = through_throw()
aw = ag.__anext__()
show("suspend", lambda: aw.send(None))
show("throw into await", lambda: aw.throw(KeyError("k")))
aw = ag.asend(None)
aw.close()
show("closed asend", lambda: aw.send(None))


async def consume(agen):
    return [x async for x in agen]


print(run(consume(awaiting())))


async def dropped():
    try:
        yield 1
        yield 2
    finally:
        print("  agen finally on del")


ag = dropped()
show("one", lambda: ag.__anext__().send(None))
del ag
print("after del")
