# A module's top level runs once however many modules import it.
print("main starts")
import config
import service
import config

print("service sees", service.describe())
print("config loads", config.LOADS, config is service.config)
