# Pure-Python standard library modules are frozen from CPython 3.11's Lib/ and run like
# the program's own modules.
import colorsys
import keyword
from colorsys import hls_to_rgb, rgb_to_yiq

print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4))
print(colorsys.hsv_to_rgb(0.5, 0.5, 0.4))
print(hls_to_rgb(0.25, 0.5, 0.75))
print([round(v, 6) for v in rgb_to_yiq(1.0, 0.5, 0.25)])
print(colorsys.__name__, colorsys.__package__ == "", colorsys.__file__.rsplit("/", 1)[-1])
print(keyword.iskeyword("lambda"), keyword.iskeyword("match"), keyword.issoftkeyword("match"))
print(len(keyword.kwlist), keyword.kwlist[-3:], keyword.softkwlist)
print(sorted(keyword.__all__))
