import sys

COUNT = getattr(sys, "_helper_loads", 0) + 1
sys._helper_loads = COUNT
