from . import tools
from .tools import double as SIBLING_DOUBLE
from ..helpers import helper, VERSION as PARENT_HELPER
from .. import helpers
from ..core import tools as same_tools

SIBLING = SIBLING_DOUBLE("ab")
pkg_name = __package__


def run(x):
    assert same_tools is tools
    return helper(tools.double(x)) + helpers.VERSION
