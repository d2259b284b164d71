# reversed() through __reversed__, or through __len__ and __getitem__; iteration and `in` via
# __getitem__.
class Deck:
    def __init__(self):
        self.cards = ["A", "K", "Q"]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
class Backwards:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Deck())), list(reversed(Backwards())), list(Deck()), "K" in Deck())
