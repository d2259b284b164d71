# Absurd sizes and widths raise (MemoryError, OverflowError, ValueError) as in CPython;
# none may abort the process or spin in a native loop.
import sys
M = sys.maxsize
cases = [
    ("'a' * M", lambda: 'a' * M),
    ("[0] * M", lambda: [0] * M),
    ("(0,) * M", lambda: (0,) * M),
    ("b'a' * M", lambda: b'a' * M),
    ("bytearray(b'a') * M", lambda: bytearray(b'a') * M),
    ("bytearray(M)", lambda: bytearray(M)),
    ("'a'.ljust(M)", lambda: 'a'.ljust(M)),
    ("'a'.rjust(M)", lambda: 'a'.rjust(M)),
    ("'a'.center(M)", lambda: 'a'.center(M)),
    ("'a'.zfill(M)", lambda: 'a'.zfill(M)),
    ("'a\\tb'.expandtabs(M)", lambda: 'a\tb'.expandtabs(M)),
    ("format('a', '%d' % M)", lambda: format('a', '%d' % M)),
    ("'{:>{}}'.format('a', M)", lambda: '{:>{}}'.format('a', M)),
    ("f'{1:{M}}'", lambda: f'{1:{M}}'),
    ("format(1.5, '.%df' % M)", lambda: format(1.5, '.%df' % M)),
    ("'x'.replace('', 'y' * 2**20) * 2**20", lambda: ('y' * 2**20) * 2**20),
    ("list(range(M))", lambda: list(range(M))),
    ("[None] * 2**40", lambda: [None] * 2**40),
    ("'ab'.join(['x'] * 3) * M", lambda: 'ab' * M),
    ("(1).to_bytes(M, 'big')", lambda: (1).to_bytes(M, 'big')),
    ("int('1' * 5000)", lambda: int('1' * 5000)),
    ("1 << M", lambda: 1 << M),
]
for name, f in cases:
    try:
        r = f()
        print(name, "->", type(r).__name__, len(r) if hasattr(r, "__len__") else r, flush=True)
    except Exception as e:
        print(name, "->", type(e).__name__, str(e)[:80], flush=True)

# %-format and format() with huge widths and precisions.
for f, a in [('%.*d', (sys.maxsize, 1)), ('%*d', (sys.maxsize, 1)), ('%.*f', (sys.maxsize, 1.0)), ('%*s', (sys.maxsize, 'a')), ('%.*d', (2**31, 1))]:
  try: print(len(f % a))
  except Exception as e: print(type(e).__name__, e)
for spec in ['%ds' % (2**40), '.%df' % (2**31), '%dd' % (2**40)]:
  try: print(len(format(1.5 if 'f' in spec else ('a' if 's' in spec else 1), spec)))
  except Exception as e: print(type(e).__name__, e)
for f in [b'%.*d', b'%*d']:
  try: print(len(f % (sys.maxsize, 1)))
  except Exception as e: print(type(e).__name__, e)
