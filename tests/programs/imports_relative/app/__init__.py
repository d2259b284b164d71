from . import helpers
from .helpers import VERSION
