# No __all__: every name not starting with an underscore is exported.
RED = "#f00"
BLUE = "#00f"
_hidden = "private"
