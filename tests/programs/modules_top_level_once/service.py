# Service module importing config again.
print("service top level runs")
import config


def describe():
    return config.SETTINGS["mode"]
