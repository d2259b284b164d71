# super() without arguments inside a staticmethod has no class/instance to work from.
class Base:
    @staticmethod
    def make():
        return "base"

class Child(Base):
    @staticmethod
    def make():
        return super().make()

print(Base.make())
Child.make()
