# Methods and attributes of int, float and bool values: bytes conversion, ratios, hex forms.
print((255).bit_length(), (-1).bit_length(), (10).to_bytes(2, "big"), (258).to_bytes(2, "little"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), (-5).to_bytes(1, "big", signed=True))
print((3).real, (3).imag, (3).numerator, (3).denominator, (2.5).real, True.real, (7).conjugate())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.0).as_integer_ratio(), (3).as_integer_ratio())
print((2.0).is_integer(), (2.5).is_integer(), (1e300).is_integer(), float("inf").is_integer())
print((1.5).hex(), float.fromhex("0x1.8p1"), (0.1).hex(), (-0.0).hex())
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print("OverflowError:", e)
