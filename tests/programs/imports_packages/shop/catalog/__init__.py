import shop
shop.LOADED.append(__name__)


def describe(name):
    from shop.catalog.items import PRICES
    return f"{name}: {PRICES[name]}"
