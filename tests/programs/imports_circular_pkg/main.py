# Circular imports inside a package: each module is registered before its body runs, so
# the cycle sees the partially initialised module; using a name defined later fails with
# CPython's "partially initialized module" messages.
import ring.alpha
print(ring.alpha.A, ring.beta.B, ring.beta.SEEN_FROM_BETA)
print(ring.alpha.call_beta(), ring.beta.call_alpha())
import ring.early
print(ring.early.MESSAGES)
