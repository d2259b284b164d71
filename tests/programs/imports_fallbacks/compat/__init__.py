try:
    from .native_backend import loads
    BACKEND = "native"
except ImportError:
    from .pure import loads
    BACKEND = "pure"
