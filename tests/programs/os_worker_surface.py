import os, sys, tempfile, shutil
n = os.write(1, b"written to fd 1\n")
print(n)
try:
    os.register_at_fork()
except TypeError as e:
    print("TypeError", e)
try:
    os.register_at_fork(after_in_child=5)
except TypeError as e:
    print("TypeError", e)
os.register_at_fork(after_in_child=lambda: None)
os.environ["PF_TEST"] = "1"
print(os.environ.get("PF_TEST"), os.getenv("PF_TEST"), sys.abiflags == "", hasattr(os, "stat_result"))
del os.environ["PF_TEST"]
print(os.getenv("PF_TEST"), shutil.which.__name__, tempfile.gettempprefix())
