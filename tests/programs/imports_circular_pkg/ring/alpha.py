from ring import ORDER
ORDER.append("alpha start")
from . import beta
A = "a"
ORDER.append("alpha end")


def call_beta():
    return "alpha->" + beta.B
