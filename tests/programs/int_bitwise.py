# Bitwise operators on small, negative and big integers.
vals = [0, 1, 5, 12, -1, -6, 255]
for a in vals:
    print(a, ~a, a & 6, a | 6, a ^ 6, a << 3, a >> 1)
print(1 << 70, (1 << 70) >> 65, (1 << 100) | 1, ((1 << 100) + 5) & 7)
print(-(1 << 80) >> 78, ~(1 << 64), (2 ** 70 - 1) ^ (2 ** 69))
print(0b1010 & 0b0110, 0o17 | 0x10, 0xFF ^ 0x0F)
print(-8 >> 1, -1 >> 10, -9 >> 2, -9 & 0xFF)
m = 0b1111
m &= 0b1010
m |= 0b100000
m ^= 1
m <<= 2
m >>= 1
print(m, bin(m))
print((5).bit_length(), (255).bit_length(), (-16).bit_length(), (0).bit_length())
