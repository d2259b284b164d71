"""A stand-in for the `pyperf` module, frozen with pyperformance's benchmark sources.

pyperformance's `bm_*/run_benchmark.py` files are run unchanged; they only need the part of
pyperf's API that declares a benchmark: a `Runner` with `metadata`, an `argparser` whose
options keep their defaults (but for the benchmark's own command-line options, `ARGS`, what
pyperformance's `extra_opts` pass), `parse_args()`, `bench_func()`, `bench_time_func()` and
`bench_async_func()`. This module calls each benchmark a fixed number of times (`LOOPS`, from
the generated `_pyperf_loops` module when present) and prints one line per benchmark, so the same file
runs under CPython and under permafrost and the timing is taken around the whole process by
`scripts/pyperformance.py`.
"""

try:
    from time import perf_counter
except ImportError:  # a runtime without a clock still runs the benchmark's work
    def perf_counter():
        return 0.0

try:
    from _pyperf_loops import LOOPS
except ImportError:
    LOOPS = 1

try:
    from _pyperf_loops import ARGS
except ImportError:
    ARGS = []


class _Namespace:
    """What `parse_args()` returns: each declared option at its default."""


class _ArgParser:
    """Records `add_argument` declarations; every option keeps its default value."""

    def __init__(self):
        self._defaults = {}
        self._positional = []
        self._flags = {}

    def add_argument(self, *names, **options):
        if not names[0].startswith("-"):
            self._positional.append(options.get("dest", names[0]))
        else:
            for n in names:
                self._flags[n] = options
        dest = options.get("dest")
        if dest is None:
            longs = [n for n in names if n.startswith("--")]
            name = longs[0] if longs else names[0]
            dest = name.lstrip("-").replace("-", "_")
        if options.get("action") == "store_true":
            default = options.get("default", False)
        elif options.get("action") == "store_false":
            default = options.get("default", True)
        else:
            default = options.get("default")
            convert = options.get("type")
            if isinstance(default, str) and convert is not None:
                default = convert(default)
        self._defaults[dest] = default


class Runner:
    """Declares benchmarks and runs each `LOOPS` times."""

    def __init__(self, *args, add_cmdline_args=None, **kwargs):
        self.metadata = {}
        self.argparser = _ArgParser()
        self._args = None

    def parse_args(self, args=None):
        if self._args is None:
            self._args = _Namespace()
            for name, value in self.argparser._defaults.items():
                setattr(self._args, name, value)
            positional = list(self.argparser._positional)
            for arg in ARGS:
                options = self.argparser._flags.get(arg)
                if options is not None and options.get("action") == "store_true":
                    dest = options.get("dest") or arg.lstrip("-").replace("-", "_")
                    setattr(self._args, dest, True)
                elif positional:
                    setattr(self._args, positional.pop(0), arg)
        return self._args

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        for _ in range(LOOPS):
            func(*args)
        print(name, "ran", LOOPS, "loops")

    def bench_time_func(self, name, time_func, *args, inner_loops=None, metadata=None):
        time_func(LOOPS, *args)
        print(name, "ran", LOOPS, "loops")

    def bench_async_func(self, name, func, *args, inner_loops=None, metadata=None,
                         loop_factory=None):
        import asyncio

        async def main():
            for _ in range(LOOPS):
                await func(*args)

        if loop_factory is None:
            asyncio.run(main())
        else:
            with asyncio.Runner(loop_factory=loop_factory) as runner:
                runner.run(main())
        print(name, "ran", LOOPS, "loops")
