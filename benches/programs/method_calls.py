# Object-heavy: method calls on instances, including inherited and overridden methods.
class Shape:
    def __init__(self, size):
        self.size = size

    def area(self):
        return 0

    def scaled(self, k):
        return self.area() * k


class Square(Shape):
    def area(self):
        return self.size * self.size


class Tri(Shape):
    def area(self):
        return self.size * self.size // 2


shapes = [Square(i % 13) if i % 2 else Tri(i % 17) for i in range(100)]
total = 0
for rep in range(18000):
    for s in shapes:
        total += s.scaled(2) + s.area()
print("method checksum", total)
