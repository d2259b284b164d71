# Slicing every sequence type over a grid of start/stop/step, and extended slice assignment.
bounds = [None, -100, -4, -1, 0, 1, 3, 100]
steps = [None, 1, 2, -1, -3]
seqs = [list(range(6)), "abcdef", tuple("uvwxyz"), range(10, 16), b"ABCDEF"]
for seq in seqs:
    print(type(seq).__name__)
    for step in steps:
        row = []
        for start in bounds:
            for stop in bounds:
                row.append(seq[start:stop:step])
        print("  step", step, row)
for start in [None, 0, 1, -2]:
    for stop in [None, 2, -1]:
        for step in [None, 2, -2]:
            target = list(range(6))
            try:
                n = len(target[start:stop:step])
                target[start:stop:step] = ["x"] * n
                outcome = target
            except ValueError as e:
                outcome = "ValueError: " + str(e)
            try:
                other = list(range(6))
                other[start:stop:step] = ["y"]
                outcome2 = other
            except ValueError as e:
                outcome2 = "ValueError: " + str(e)
            print(start, stop, step, outcome, outcome2)
