# Object-heavy: a round-robin scheduler of generator tasks with message queues.
class Task:
    def __init__(self, tid, gen):
        self.tid = tid
        self.gen = gen
        self.inbox = []


class Scheduler:
    def __init__(self):
        self.ready = []
        self.tasks = {}
        self.delivered = 0

    def spawn(self, gen):
        tid = len(self.tasks)
        task = Task(tid, gen)
        self.tasks[tid] = task
        self.ready.append(task)
        return tid

    def run(self):
        ready = self.ready
        while ready:
            task = ready.pop(0)
            try:
                msg = next(task.gen)
            except StopIteration:
                del self.tasks[task.tid]
                continue
            if msg is not None:
                target, payload = msg
                dest = self.tasks.get(target)
                if dest is not None:
                    dest.inbox.append(payload)
                    self.delivered += 1
            ready.append(task)


def worker(me, peers, rounds, sched):
    total = 0
    for r in range(rounds):
        inbox = sched.tasks[me].inbox
        while inbox:
            total += inbox.pop()
        yield ((me + r) % peers, r * me)
    return total


sched = Scheduler()
for i in range(50):
    sched.spawn(worker(i, 50, 15000, sched))
sched.run()
print("scheduler checksum", sched.delivered)
