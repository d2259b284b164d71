import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app")
log.info("hello %s", 1)
log.debug("hidden")
log.warning("warn")
fmt = logging.Formatter("%(name)s|%(levelname)-8s|%(message)s")
h = logging.StreamHandler(sys.stdout); h.setFormatter(fmt)
sub = logging.getLogger("app.sub"); sub.addHandler(h); sub.propagate = False
sub.error("err %d%%", 5)
sub.setLevel(logging.ERROR); sub.warning("dropped"); sub.critical("crit")
print(logging.getLevelName(logging.WARNING), logging.getLevelName(15), sub.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))
class F(logging.Filter):
    def filter(self, r): return "secret" not in r.getMessage()
sub.addFilter(F()); sub.error("secret thing"); sub.error("public thing")
logging.getLogger().handlers[0].setFormatter(logging.Formatter("{levelname}:{message}", style="{"))
log.info("brace style %s", "x")
