from ring import early
try:
    from ring.early import LATER
except ImportError as e:
    early.MESSAGES.append((type(e).__name__, str(e).rsplit(" (", 1)[0], e.name))
try:
    early.LATER
except AttributeError as e:
    early.MESSAGES.append((type(e).__name__, str(e)))
try:
    from ring.alpha import NOPE
except ImportError as e:
    early.MESSAGES.append((type(e).__name__, str(e).rsplit(" (", 1)[0]))
