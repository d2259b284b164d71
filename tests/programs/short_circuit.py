# and/or/not: value of the expression and evaluation stops as soon as it is decided.
def t(name, value):
    print("  eval", name)
    return value

print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "d", "" or 0, [] and 1)
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 0))
print(t("a", 1) or t("b", 0))
print(t("a", 0) or t("b", 0) or t("c", "last"))
print(t("a", 1) and t("b", 2) and t("c", 3))
print(not t("a", 0), not t("b", "x"))
x = 0
if x and 1 / x > 1:
    print("no")
else:
    print("guarded")
if x == 0 or 1 / x:
    print("guarded or")
items = []
print(items and items[0], items or "empty")
print(0 or None, 1 and "yes" or "no", 0 and "yes" or "no")
