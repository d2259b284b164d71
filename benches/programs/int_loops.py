# Integer arithmetic in tight loops: a linear congruential generator, modular sums, bit mixing.
def lcg_sum(n):
    x = 12345
    acc = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        acc += x >> 16
        acc ^= i
    return acc


def digit_sums(n):
    total = 0
    i = 0
    while i < n:
        v = i
        while v:
            total += v % 10
            v //= 10
        i += 1
    return total


print("int checksum", lcg_sum(1500000), digit_sums(400000))
