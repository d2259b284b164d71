# An uncaught KeyError from a subscript inside a nested subscript expression.
config = {"db": {"host": "localhost", "ports": [5432, 5433]}}


def lookup(section, key):
    return config[section][key]


def main():
    print(lookup("db", "host"))
    print(config["db"]["ports"][1])
    port = lookup("db",
                  "user")
    print(port)


main()
