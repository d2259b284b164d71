# `import M as alias` and `from M import name as alias`, plus importing inside a function.
import geometry as geo
from geometry import area as rect_area, PI
import geometry

print(geo.area(2, 3), rect_area(4, 5), PI, geo is geometry, geo.__name__)

def lazy():
    import geometry as g2
    return g2.perimeter(1, 2)

print(lazy())
