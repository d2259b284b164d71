# Type annotations on parameters, returns and variables are accepted and ignored at run time.
from_default: int = 5
name: str
def scale(value: float, factor: "int" = 2, *args: int, flag: bool = False, **kw: str) -> float:
    result: float = value * factor
    return result if not flag else -result

class Record:
    count: int = 0
    label: str

    def __init__(self, label: str) -> None:
        self.label: str = label
        Record.count += 1

print(scale(1.5), scale(2, 3, flag=True), from_default, Record("x").label, Record.count)
try:
    print(name)
except NameError as e:
    print("NameError:", e)
pairs: list = [(1, "a")]
first: tuple = pairs[0]
print(first, hasattr(Record, "label"))
