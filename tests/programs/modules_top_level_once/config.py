# Configuration module: prints when its top level runs.
print("config top level runs")
LOADS = 1
SETTINGS = {"mode": "fast"}
