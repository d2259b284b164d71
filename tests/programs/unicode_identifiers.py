# Non-ASCII identifiers: variables, functions, classes, attributes and keyword arguments, with
# NFKC normalisation making different spellings the same name.
café = "coffee"
π = 3.14159
def größe(länge, *, breite=2):
    return länge * breite
class Ünïcode:
    def __init__(self):
        self.naïve = True
ﬁle = "ligature spelling"
print(café, π, größe(3), größe(länge=4, breite=5), Ünïcode().naïve, Ünïcode.__name__)
print(file, ﬁle is file)
𝐱 = 10
print(x, 𝐱 + 1)
data = {"clé": 1}
print(data["clé"], größe.__name__, größe.__code__.co_varnames)
