import _thread

lock = _thread.allocate_lock()
print(type(lock).__name__, _thread.LockType is type(lock), lock.locked())
print(lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(True, 0), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
with lock:
    print("inside", lock.locked())
print("outside", lock.locked())
print(lock.__enter__(), lock.locked(), lock.__exit__(None, None, None), lock.locked())
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())

for args, kwargs in [((True, "x"), {}), ((), {"timeout": 2**70}), ((), {"timeout": 1e300}),
                     ((), {"bogus": 1}), ((1, 2, 3), {}), ((False, 1), {}), ((True, -5), {})]:
    try:
        print(lock.acquire(*args, **kwargs))
        lock.release()
    except Exception as e:
        print(type(e).__name__, e)
try:
    _thread.LockType()
except TypeError as e:
    print(type(e).__name__, e)

# The error raised inside a with block still releases the lock.
try:
    with lock:
        raise KeyError("k")
except KeyError as e:
    print(type(e).__name__, e, lock.locked())

rlock = _thread.RLock()
print(type(rlock).__name__, rlock._is_owned())
print(rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False), rlock._is_owned())
state = rlock._release_save()
print(state[0], rlock._is_owned())
rlock._acquire_restore(state)
rlock.release()
rlock.release()
print(rlock._is_owned())
rlock.release()
try:
    rlock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    rlock._release_save()
except RuntimeError as e:
    print(type(e).__name__, e)
with rlock:
    with rlock:
        print("nested", rlock._is_owned())
print(rlock._is_owned())

print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX, _thread._count(), _thread.stack_size())
print(_thread.get_ident() == _thread.get_ident(), isinstance(_thread.get_ident(), int))
try:
    _thread.stack_size(100)
except ValueError as e:
    print(type(e).__name__, e)

local = _thread._local()
local.x = 1
print(local.x, hasattr(local, "y"))
try:
    _thread._local(1)
except TypeError as e:
    print(type(e).__name__, e)


class MyLocal(_thread._local):
    def __init__(self, v):
        self.v = v


print(MyLocal(5).v)
sentinel = _thread._set_sentinel()
print(type(sentinel).__name__, sentinel.locked())

hook_args = _thread._ExceptHookArgs((ValueError, ValueError("x"), None, None))
print(hook_args, hook_args.exc_type.__name__, hook_args.thread, _thread._ExceptHookArgs.n_fields)
try:
    _thread._excepthook(1)
except TypeError as e:
    print(type(e).__name__, e)
print(_thread._excepthook(_thread._ExceptHookArgs((SystemExit, SystemExit(), None, None))))
