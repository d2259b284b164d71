import main
import __main__

main_mod = main


def seen():
    return main.__name__, __main__.__name__, main.COUNTER
