# Relative imports: `from . import x`, `from .m import y`, `from ..m import y`, and
# CPython's errors for a module without a parent package and for going too far up.
import app.core.engine as engine
import app.plugins.loud
print(engine.run("go"))
print(app.plugins.loud.shout("hi"))
print(engine.SIBLING, engine.PARENT_HELPER, engine.pkg_name)
print(app.core.engine.__package__, app.plugins.__package__)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .app import core
except ImportError as e:
    print(type(e).__name__, e)
print(app.plugins.loud.too_far())
print(app.helpers.top_level_relative())
