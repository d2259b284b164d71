class A:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
for h in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**62, 2**63 - 1, 2**63, -2**63, 2**64 + 5, -2**70, True]:
    print(h, hash(A(h)))
print(hash(A(2**62)) == hash(2**62))
