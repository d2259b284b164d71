# An uncaught SystemExit whose code is not an int prints it to stderr and exits with 1.
class Config:
    def check(self):
        raise SystemExit("fatal: bad configuration")


print("start")
Config().check()
