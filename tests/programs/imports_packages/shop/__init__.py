print("init shop", __name__, __package__)
LOADED = []
