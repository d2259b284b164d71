import shop.catalog
shop.LOADED.append(__name__)
PRICES = {"apple": 3, "pear": 5}
WHO = __name__


def total(names):
    return sum(PRICES[n] for n in names)
