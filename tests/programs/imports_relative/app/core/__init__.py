from .tools import double
