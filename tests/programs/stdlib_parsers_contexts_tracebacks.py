import html, string, base64, binascii, contextlib, traceback, warnings, io, sys, graphlib, types, numbers
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self): super().__init__(); self.out = []
    def handle_starttag(self, t, a): self.out.append(("s", t, a))
    def handle_startendtag(self, t, a): self.out.append(("se", t, a))
    def handle_endtag(self, t): self.out.append(("e", t))
    def handle_data(self, d): self.out.append(("d", d))
    def handle_decl(self, d): self.out.append(("decl", d))
    def handle_pi(self, d): self.out.append(("pi", d))
    def unknown_decl(self, d): self.out.append(("ud", d))
p = P(); p.feed("<!DOCTYPE html><?xml v?><img src=a.png alt=\"x &amp; y\"/><A HREF='Q'>T</a><![CDATA[zz]]><p>unclosed"); p.close(); print(p.out)
p = P(); p.feed("<di"); p.feed("v class=x>te"); p.feed("xt</div>"); p.close(); print(p.out, p.get_starttag_text())
print(html.unescape("&AMP; &ampx &#x41;&#65 &nbsp;|&NotEqualTilde;&lt"), html.escape(""))
class T(string.Template):
    delimiter = "#"; idpattern = r"[a-z]+"
print(T("#abc #{d} ##").substitute(abc=1, d=2), string.Template("${a}b $a_b").safe_substitute({"a": 1}), string.Template("$x").substitute({"x": 1}, x=2))
print(string.Template("$a $b").get_identifiers(), string.Template("$").is_valid(), string.Template.pattern.pattern[:20])
try: string.Template("x $1").substitute()
except ValueError as e: print(type(e).__name__, e)
print(base64.b64encode(b""), base64.b32encode(b"a"), base64.b85encode(b"a", pad=True), base64.a85encode(b"\0\0\0\0"), base64.a85decode(b"z"), base64.b64decode(b"YQ"+b"==" ), base64.urlsafe_b64decode("-_8="))
try: base64.b64decode("YQ")
except binascii.Error as e: print(type(e).__name__, e)
print(binascii.b2a_hex(b"\xab\xcd", "_"), binascii.a2b_hex(b"ABCD"), binascii.crc32(b""), binascii.crc32(b"a" * 1000) & 0xffffffff)
with contextlib.ExitStack() as es:
    class CM:
        def __init__(self, n): self.n = n
        def __enter__(self): print("enter", self.n); return self.n
        def __exit__(self, t, v, tb): print("exit", self.n, t.__name__ if t else None); return self.n == 2
    for i in range(3): es.enter_context(CM(i))
    raise KeyError("x")
print("survived")
try:
    with contextlib.ExitStack() as es:
        es.callback(lambda: 1 / 0)
        raise ValueError("orig")
except ZeroDivisionError as e: print(type(e).__name__, type(e.__context__).__name__)
@contextlib.contextmanager
def gen_stop():
    try: yield
    except StopIteration: print("got stopiteration"); raise
try:
    with gen_stop(): raise StopIteration("s")
except StopIteration as e: print("outer", e)
with contextlib.redirect_stderr(io.StringIO()) as f: print("to err", file=sys.stderr)
print(repr(f.getvalue()))
def f1(): f2()
def f2(): raise RuntimeError("r")
try: f1()
except RuntimeError as e:
    print([f.f_code.co_name for f, _ in traceback.walk_tb(e.__traceback__)])
    te = traceback.TracebackException.from_exception(e, capture_locals=False)
    print(te.exc_type.__name__, str(te), [fs.name for fs in te.stack], len(list(te.format())))
    ss = traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__)); print(ss.format()[-1].splitlines()[0].split(",")[1:])
e2 = ValueError("x"); e2.add_note("note 1"); print(traceback.format_exception_only(e2))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3): warnings.warn("o")
    warnings.warn("p", BytesWarning)
    print(len(w), w[-1].category.__name__, str(w[0]).split(",")[0])
print(warnings.filters[:0], isinstance(warnings.WarningMessage("m", UserWarning, "f", 1), warnings.WarningMessage))
ts = graphlib.TopologicalSorter(); ts.add("a"); ts.add("b", "a"); ts.add("c", "a"); ts.prepare(); print(sorted(ts.get_ready()))
try: ts.add("d")
except ValueError as e: print(type(e).__name__, e)
try: ts.done("zz")
except ValueError as e: print(type(e).__name__, e)
print(issubclass(float, numbers.Integral), numbers.Real.register, isinstance(True, numbers.Integral))
class MyNum(numbers.Real):
    pass
try: MyNum()
except TypeError as e: print(type(e).__name__, str(e)[:60])
print(types.SimpleNamespace(b=2, a=1), repr(types.SimpleNamespace()), types.MappingProxyType({}).copy(), types.GenericAlias(list, (int,)), types.DynamicClassAttribute.__name__)
print(types.get_original_bases if hasattr(types, "get_original_bases") else "-", types.CellType.__name__, types.MethodType(lambda s: s, 5)())
