# An uncaught error while executing a class body: the class name appears as a frame.
class Settings:
    DEBUG = False
    LEVELS = {"low": 1, "high": 3}
    DEFAULT = LEVELS["medium"]
