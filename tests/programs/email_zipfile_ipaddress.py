# Everyday modules that build on str subclasses and codecs: email (header tokens are str
# subclasses), zipfile in memory (names decoded as cp437), ipaddress, pure paths, html.parser.
import email, io, ipaddress, mimetypes, pathlib, zipfile, html.parser
from email.message import EmailMessage
from email import policy
m = EmailMessage()
m["To"] = "Ann <ann@example.com>, bob@example.org"
m["From"] = "me@example.net"
m["Subject"] = "Grüße"
m.set_content("body line\n")
text = m.as_string()
print(text.splitlines()[:6])
back = email.message_from_string(text, policy=policy.default)
print(back["subject"], [a.addr_spec for a in back["to"].addresses], back.get_content_type(), repr(back.get_content()))
raw = email.message_from_string("From: x@y\nSubject: =?utf-8?q?caf=C3=A9?=\nContent-Type: text/plain\n\nhello\n")
print(raw["subject"], raw.get_payload(), email.header.decode_header(raw["subject"]))
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", "hello " * 20)
    z.writestr("dir/b.bin", b"\x00\x01")
    z.writestr(zipfile.ZipInfo("stored.txt", date_time=(2020, 1, 2, 3, 4, 6)), "s")
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    print(z.namelist(), z.read("a.txt")[:11], [(i.filename, i.file_size, i.compress_type) for i in z.infolist()], z.testzip())
    with z.open("dir/b.bin") as f:
        print(f.read())
try:
    zipfile.ZipFile(io.BytesIO(b"not a zip"))
except zipfile.BadZipFile as e:
    print("BadZipFile", e)
net = ipaddress.ip_network("192.168.0.0/22")
print(net.num_addresses, net.netmask, net.broadcast_address, list(net.subnets(new_prefix=24))[:2], ipaddress.ip_address("10.1.2.3").is_private)
print(ipaddress.ip_address("2001:db8::1").compressed, ipaddress.IPv6Address("::ffff:1.2.3.4").ipv4_mapped, sorted([ipaddress.ip_address("10.0.0.2"), ipaddress.ip_address("10.0.0.1")]))
try:
    ipaddress.ip_address("300.1.1.1")
except ValueError as e:
    print(e)
p = pathlib.PurePosixPath("/srv/app/data.tar.gz")
print(p.name, p.suffixes, p.stem, p.parent, p.with_name("x.py"), p.relative_to("/srv"), p.is_relative_to("/etc"), pathlib.PurePosixPath("a", "../b", "c/").as_posix())
print(pathlib.PureWindowsPath("C:/x/y.txt").drive, pathlib.PureWindowsPath(r"c:\a\b").parts, mimetypes.guess_type("x.tar.gz"), mimetypes.guess_type("p.png"))
class Collect(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.events = []
    def handle_starttag(self, tag, attrs): self.events.append(("start", tag, attrs))
    def handle_endtag(self, tag): self.events.append(("end", tag))
    def handle_data(self, data): self.events.append(("data", data))
    def handle_entityref(self, name): self.events.append(("entity", name))
c = Collect(); c.feed("<div id=a class='b c'><p>x &amp; y</p><img src=i.png/></div>"); c.close()
print(c.events)
