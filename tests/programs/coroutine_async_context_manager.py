# A hand-written equivalent of contextlib.asynccontextmanager: anext() and athrow() drive an
# async generator from __aenter__/__aexit__.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class AsyncGenCM:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
    async def __aenter__(self):
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None
    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        else:
            if value is None:
                value = typ()
            try:
                await self.gen.athrow(typ, value, traceback)
            except StopAsyncIteration as exc:
                return exc is not value
            except RuntimeError as exc:
                if exc is value:
                    return False
                if (isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value):
                    return False
                raise
            except BaseException as exc:
                if exc is not value:
                    raise
                return False
            raise RuntimeError("generator didn't stop after athrow()")

def acm(func):
    def helper(*args, **kwds):
        return AsyncGenCM(func, args, kwds)
    return helper

class Suspend:
    def __await__(self):
        yield

@acm
async def resource(name, log):
    log.append("open " + name)
    await Suspend()
    try:
        yield name.upper()
    except KeyError as e:
        log.append("handled %r" % e)
    finally:
        await Suspend()
        log.append("close " + name)

async def main():
    log = []
    async with resource("a", log) as r:
        log.append("using " + r)
    async with resource("b", log):
        raise KeyError("suppressed")
    try:
        async with resource("c", log):
            raise ValueError("propagates")
    except ValueError as e:
        log.append("outer caught %r" % e)
    try:
        async with resource("d", log):
            raise StopAsyncIteration("sai")
    except StopAsyncIteration as e:
        log.append("outer caught %r" % e)
    return log

for line in run(main()):
    print(line)
