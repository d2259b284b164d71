# A cooperative task scheduler built on generators: round-robin, sleeping, task results.
class Task:
    next_id = 1

    def __init__(self, name, gen):
        self.id = Task.next_id
        Task.next_id += 1
        self.name = name
        self.gen = gen
        self.wake_at = 0
        self.result = None

    def __repr__(self):
        return f"<Task {self.id} {self.name}>"


class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.clock = 0
        self.finished = {}
        self.log = []

    def spawn(self, name, gen):
        task = Task(name, gen)
        self.ready.append(task)
        return task

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort(key=lambda t: (t.wake_at, t.id))
                self.clock = self.sleeping[0].wake_at
                while self.sleeping and self.sleeping[0].wake_at <= self.clock:
                    self.ready.append(self.sleeping.pop(0))
            task = self.ready.pop(0)
            try:
                request = next(task.gen)
            except StopIteration as stop:
                task.result = stop.value
                self.finished[task.name] = stop.value
                self.log.append(f"t={self.clock} {task.name} done -> {stop.value!r}")
                continue
            kind, arg = request
            if kind == "sleep":
                task.wake_at = self.clock + arg
                self.sleeping.append(task)
            elif kind == "log":
                self.log.append(f"t={self.clock} {task.name}: {arg}")
                self.ready.append(task)
            else:
                self.ready.append(task)


def worker(name, steps, delay):
    total = 0
    for i in range(steps):
        yield ("log", f"step {i}")
        total += i * delay
        yield ("sleep", delay)
    return f"{name} total {total}"


def ticker(n):
    for i in range(n):
        yield ("yield", None)
    return n


sched = Scheduler()
sched.spawn("fast", worker("fast", 3, 1))
sched.spawn("slow", worker("slow", 2, 3))
sched.spawn("tick", ticker(4))
sched.run()
for line in sched.log:
    print(line)
print(sched.finished, sched.clock)
