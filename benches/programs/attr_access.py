# Object-heavy: attribute reads and writes on instances in a particle update loop.
class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v
        self.hits = 0


particles = [Particle(i * 1.5, (i % 7) - 3.0) for i in range(200)]
for step in range(22000):
    for p in particles:
        p.x += p.v
        if p.x < 0.0 or p.x > 300.0:
            p.v = -p.v
            p.hits += 1
total = 0
for p in particles:
    total += p.hits
print("attr checksum", total, round(sum(p.x for p in particles), 6))
