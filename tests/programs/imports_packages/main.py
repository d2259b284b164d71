# Packages: dotted imports bind the top-level package, `as` binds the submodule, parents
# are imported first and every submodule becomes an attribute of its parent.
import shop.catalog.items
print("after import:", shop.catalog.items.PRICES["apple"])
import shop.catalog.items as items
print(items is shop.catalog.items, items.total(["apple", "pear"]))
from shop.catalog import items as again, describe
print(again is items, describe("pear"))
from shop import util
print(util.fmt(3.5), hasattr(shop, "util"), hasattr(shop.util, "money"))
from shop.util.money import cents
print(cents(2.25))
print(shop.util.money.cents(1), "money" in dir(shop.util))


def attrs(m):
    return (m.__name__, m.__package__, m.__file__.rsplit("/", 2)[-2:],
            [p.rsplit("/", 1)[-1] for p in m.__path__] if hasattr(m, "__path__") else None)


for m in (shop, shop.catalog, shop.catalog.items, shop.util, shop.util.money):
    print(attrs(m))
print(__name__, __package__, __spec__, __file__.rsplit("/", 1)[-1])
print(shop.catalog.items.WHO, shop.LOADED)
try:
    import shop.catalog.items.deeper
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import shop.nothing
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from shop.catalog import nothing
except ImportError as e:
    print(type(e).__name__, str(e).rsplit(" (", 1)[0], e.name, e.path.rsplit("/", 2)[-2:])
try:
    shop.catalog.nothing
except AttributeError as e:
    print(type(e).__name__, e)
