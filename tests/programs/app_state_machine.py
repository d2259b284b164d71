# A table-driven state machine for an order workflow, with guards, actions and an audit log.
class TransitionError(Exception):
    def __init__(self, state, event):
        super().__init__(f"cannot {event!r} while {state!r}")
        self.state = state
        self.event = event


class Machine:
    TRANSITIONS = {
        ("new", "pay"): "paid",
        ("new", "cancel"): "cancelled",
        ("paid", "ship"): "shipped",
        ("paid", "refund"): "refunded",
        ("shipped", "deliver"): "delivered",
        ("shipped", "lose"): "lost",
        ("lost", "refund"): "refunded",
    }

    def __init__(self, order_id, amount):
        self.order_id = order_id
        self.amount = amount
        self.state = "new"
        self.log = []
        self.guards = {"ship": lambda m: m.amount > 0, "refund": lambda m: m.amount < 1000}

    def fire(self, event):
        key = (self.state, event)
        if key not in self.TRANSITIONS:
            raise TransitionError(self.state, event)
        guard = self.guards.get(event)
        if guard is not None and not guard(self):
            self.log.append(f"{event}: guard refused")
            return False
        previous, self.state = self.state, self.TRANSITIONS[key]
        self.log.append(f"{previous} -{event}-> {self.state}")
        handler = getattr(self, "on_" + self.state, None)
        if handler is not None:
            handler()
        return True

    def on_refunded(self):
        self.log.append(f"refund {self.amount:.2f}")
        self.amount = 0.0

    @property
    def final(self):
        return self.state in ("cancelled", "delivered", "refunded")


scripts = {
    1: ["pay", "ship", "deliver"],
    2: ["pay", "refund", "ship"],
    3: ["ship"],
    4: ["pay", "ship", "lose", "refund"],
    5: ["cancel", "pay"],
}
amounts = {1: 25.5, 2: 99.99, 3: 10.0, 4: 1500.0, 5: 3.0}
summary = {}
for oid, events in scripts.items():
    m = Machine(oid, amounts[oid])
    for event in events:
        try:
            m.fire(event)
        except TransitionError as e:
            m.log.append("error: " + str(e))
            break
    summary.setdefault(m.state, []).append(oid)
    print(oid, m.state, m.final, "|", "; ".join(m.log))
print(summary)
print(sorted({state for (state, _) in Machine.TRANSITIONS}), len(Machine.TRANSITIONS))
