from ring import ORDER
import ring.alpha
ORDER.append("beta start")
# alpha is partially initialised and not yet bound on its package.
SEEN_FROM_BETA = [hasattr(ring, "alpha")]
try:
    ring.alpha
except AttributeError as e:
    SEEN_FROM_BETA.append(str(e))
from . import alpha
SEEN_FROM_BETA.append((hasattr(alpha, "A"), alpha.__name__))
B = "b"
ORDER.append("beta end")


def call_alpha():
    return "beta->" + alpha.A + str(ORDER)
