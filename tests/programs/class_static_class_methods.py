# @staticmethod and @classmethod: called on the class and on instances, alternate constructors.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, text):
        y, m, d = (int(p) for p in text.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class EuroDate(Date):
    pass

print(Date.from_string("2024-02-29"), EuroDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
d = EuroDate.from_string("2020-01-02")
print(type(d).__name__, isinstance(d, Date), d.from_string("1-2-3"))
class Counter:
    instances = 0
    def __init__(self):
        Counter.bump()
    @classmethod
    def bump(cls):
        cls.instances += 1
    @staticmethod
    def helper(x):
        return x * 2
Counter(); Counter()
print(Counter.instances, Counter.helper(21), Counter().helper(1), Counter.instances)
