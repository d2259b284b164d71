# Single inheritance: overriding, calling the base explicitly, inherited attributes, isinstance.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " makes a sound"

    def describe(self):
        return f"{self.name} is a {self.kind}: {self.speak()}"

class Dog(Animal):
    kind = "dog"

    def speak(self):
        return self.name + " barks"

class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age

    def speak(self):
        return Dog.speak(self) + " softly"

for pet in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(pet.describe())
p = Puppy("tiny", 2)
print(p.age, p.kind, isinstance(p, Animal), isinstance(p, Dog), isinstance(Dog("d"), Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, object))
print(Puppy.__bases__ == (Dog,), [c.__name__ for c in Puppy.__mro__])
print(type(p).__name__, type(p).__bases__[0].__name__)
