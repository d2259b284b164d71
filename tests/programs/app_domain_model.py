# A small inventory/order domain: value objects, entities, validation, aggregates, reports.
class ValidationError(Exception):
    pass


class Money:
    def __init__(self, cents):
        if not isinstance(cents, int):
            raise ValidationError(f"cents must be int, got {type(cents).__name__}")
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __mul__(self, n):
        return Money(self.cents * n)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __str__(self):
        sign = "-" if self.cents < 0 else ""
        c = abs(self.cents)
        return f"{sign}${c // 100:,}.{c % 100:02d}"


class Product:
    def __init__(self, sku, name, price):
        self.sku, self.name, self.price = sku, name, price


class Inventory:
    def __init__(self):
        self.products = {}
        self.stock = {}

    def add(self, product, qty):
        self.products[product.sku] = product
        self.stock[product.sku] = self.stock.get(product.sku, 0) + qty

    def reserve(self, sku, qty):
        have = self.stock.get(sku, 0)
        if qty > have:
            raise ValidationError(f"only {have} of {sku} left, wanted {qty}")
        self.stock[sku] = have - qty


class Order:
    counter = 0

    def __init__(self, customer):
        Order.counter += 1
        self.number = Order.counter
        self.customer = customer
        self.lines = []
        self.status = "open"

    def add_line(self, product, qty):
        if qty <= 0:
            raise ValidationError("quantity must be positive")
        self.lines.append((product, qty))

    @property
    def total(self):
        total = Money(0)
        for product, qty in self.lines:
            total = total + product.price * qty
        return total

    def place(self, inventory):
        for product, qty in self.lines:
            inventory.reserve(product.sku, qty)
        self.status = "placed"


inv = Inventory()
catalog = [Product("A1", "widget", Money(250)), Product("B2", "gadget", Money(1999)),
           Product("C3", "doohickey", Money(123456))]
for p, q in zip(catalog, [10, 2, 1]):
    inv.add(p, q)
orders = []
for customer, wanted in [("ann", [("A1", 3), ("B2", 1)]), ("bob", [("B2", 2)]),
                         ("cy", [("C3", 1), ("A1", 0)]), ("dee", [("A1", 7)])]:
    order = Order(customer)
    try:
        for sku, qty in wanted:
            order.add_line(inv.products[sku], qty)
        order.place(inv)
    except ValidationError as e:
        order.status = f"rejected: {e}"
    orders.append(order)
for o in orders:
    print(o.number, o.customer, o.status, o.total)
print(inv.stock)
placed = [o for o in orders if o.status == "placed"]
print("revenue", sum((o.total for o in placed), Money(0)), "largest", max(placed, key=lambda o: o.total).customer)
try:
    Money(1.5)
except ValidationError as e:
    print("ValidationError:", e)
print(str(Money(-5)), Money(100) == Money(100), sorted([Money(3), Money(1)])[0])
