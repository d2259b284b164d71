# A small matrix class: construction, @ multiplication, transpose, determinant, equality, errors.
class ShapeError(ValueError):
    pass


class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ShapeError("rows must be non-empty and of equal length")
        self.rows = [list(r) for r in rows]

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ShapeError(f"cannot multiply {n}x{m} by {m2}x{p}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __mul__(self, k):
        return Matrix([[v * k for v in row] for row in self.rows])

    __rmul__ = __mul__

    def __add__(self, other):
        if self.shape != other.shape:
            raise ShapeError("shapes differ")
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __getitem__(self, pos):
        i, j = pos
        return self.rows[i][j]

    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def det(self):
        n, m = self.shape
        if n != m:
            raise ShapeError("determinant of a non-square matrix")
        if n == 1:
            return self.rows[0][0]
        total = 0
        for j in range(n):
            minor = Matrix([row[:j] + row[j + 1:] for row in self.rows[1:]]) if n > 1 else None
            total += (-1) ** j * self.rows[0][j] * minor.det()
        return total

    def __repr__(self):
        width = max(len(repr(v)) for row in self.rows for v in row)
        return "\n".join("[" + " ".join(repr(v).rjust(width) for v in row) + "]" for row in self.rows)


a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a @ b)
print(a @ Matrix.identity(2) == a, a.transpose(), sep="\n")
print(2 * a + a * 0.5)
print(Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 2]]).det(), a.det(), a[1, 0], a.shape)
big = Matrix([[i * 3 + j for j in range(3)] for i in range(3)])
print(big @ big.transpose())
for bad in [lambda: a @ Matrix([[1, 2, 3]]), lambda: Matrix([[1], [2, 3]]), lambda: Matrix([[1, 2]]).det()]:
    try:
        bad()
    except ShapeError as e:
        print("ShapeError:", e, isinstance(e, ValueError))
