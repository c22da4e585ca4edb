"""Classes: a task scheduler in the spirit of richards -- packets in queues,
tasks of two subclasses (super() calls), a scheduler picking the
highest-priority runnable task; method calls and attribute traffic on every
step (plain Python)."""
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.count = 0
        sched.add(self)

    def runnable(self):
        return not self.held and self.queue is not None

    def take(self):
        p = self.queue
        self.queue = p.link
        return p

    def run(self, packet):
        self.count += 1
        packet.datum += self.priority
        return packet


class Worker(Task):
    def run(self, packet):
        packet = super().run(packet)
        packet.kind = 1 - packet.kind
        target = self.sched.tasks[packet.datum % len(self.sched.tasks)]
        self.sched.send(packet, target)
        return packet


class Handler(Task):
    def run(self, packet):
        packet.datum = (packet.datum * 7 + 3) % 1009
        self.sched.send(packet, self.sched.tasks[packet.ident % len(self.sched.tasks)])
        return Task.run(self, packet)


class Scheduler:
    def __init__(self):
        self.tasks = []
        self.steps = 0

    def add(self, task):
        self.tasks.append(task)

    def send(self, packet, task):
        task.queue = packet.append_to(task.queue)

    def pick(self):
        best = None
        for t in self.tasks:
            if t.runnable() and (best is None or t.priority > best.priority):
                best = t
        return best

    def schedule(self, limit):
        while self.steps < limit:
            t = self.pick()
            if t is None:
                break
            t.run(t.take())
            self.steps += 1
        return sum([t.count * (t.ident + 1) for t in self.tasks])


def run(n):
    s = Scheduler()
    for i in range(6):
        q = None
        for k in range(3):
            q = Packet(None, i * 3 + k, k % 2).append_to(q)
        (Worker if i % 2 else Handler)(s, i, i + 1, q)
    steps = s.schedule(n)
    datums = 0
    for t in s.tasks:
        p = t.queue
        while p is not None:
            datums += p.datum
            p = p.link
    return steps * 1000 + datums


BENCH_N = 50000
CHECK_N = 1000
CHECK_RESULT = 5001166
