# int() and math.trunc() of Decimals, and the errors for NaNs and infinities in the C
# _decimal's words.
from decimal import Decimal as D
import math
for s in ["1.9", "-1.9", "0.5", "-0", "123e3", "1e-5", "12345.6789e2", "-7.000", "nan", "-nan", "snan", "inf", "-inf", "1E+30", "0E-10"]:
    try: print(s, int(D(s)), math.trunc(D(s)), type(int(D(s))).__name__)
    except Exception as e: print(s, type(e).__name__, e)
print(int(D(2) ** 100), round(D("2.5")), math.floor(D("-1.5")), math.ceil(D("-1.5")))
