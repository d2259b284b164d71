# binascii: hex, base64 (lenient and strict), crc32 and crc_hqx, errors as CPython's.
import binascii


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


data = [b'', b'a', b'ab', b'abc', b'abcd', bytes(range(256)), b'\x00\xff' * 7]
for d in data:
    print(binascii.hexlify(d)[:40], binascii.b2a_base64(d)[:60], binascii.b2a_base64(d, newline=False)[-8:],
          binascii.crc32(d), binascii.crc_hqx(d, 0), binascii.crc_hqx(d, 0xffff))
    assert binascii.a2b_base64(binascii.b2a_base64(d)) == d
    assert binascii.unhexlify(binascii.hexlify(d)) == d
show('sep', lambda: binascii.hexlify(b'\x01\x02\x03\x04\x05', '-'))
show('sep2', lambda: binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2))
show('sep-2', lambda: binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2))
show('sep long', lambda: binascii.hexlify(b'\x01', '--'))
show('b2a_hex', lambda: binascii.b2a_hex(b'\xde\xad'))
show('unhex str', lambda: binascii.unhexlify('DEADbeef'))
show('unhex odd', lambda: binascii.unhexlify('abc'))
show('unhex bad', lambda: binascii.a2b_hex('zz'))
show('unhex nonascii', lambda: binascii.unhexlify('é1'))
show('hex str', lambda: binascii.hexlify('ab'))
show('a2b', lambda: binascii.a2b_base64('aGVsbG8gd29ybGQ='))
show('a2b junk', lambda: binascii.a2b_base64(b'aGV s\nbG8*='))
show('a2b pad', lambda: binascii.a2b_base64(b'aGVsbG8'))
show('a2b one', lambda: binascii.a2b_base64(b'aGVsb'))
show('a2b extra', lambda: binascii.a2b_base64(b'aGk=trailing'))
show('a2b early', lambda: binascii.a2b_base64(b'a=b=cd'))
show('strict ok', lambda: binascii.a2b_base64(b'aGk=', strict_mode=True))
show('strict junk', lambda: binascii.a2b_base64(b'aG k=', strict_mode=True))
show('strict lead', lambda: binascii.a2b_base64(b'=aGk', strict_mode=True))
show('strict excess', lambda: binascii.a2b_base64(b'aGk=aa', strict_mode=True))
show('strict disc', lambda: binascii.a2b_base64(b'aG=k', strict_mode=True))
show('crc32 start', lambda: binascii.crc32(b'world', binascii.crc32(b'hello ')) == binascii.crc32(b'hello world'))
show('crc32 neg', lambda: binascii.crc32(b'x', -1))
show('crc32 big', lambda: binascii.crc32(b'x', 2**40 + 5))
show('crc32 str', lambda: binascii.crc32('x'))
show('crc32 none', lambda: binascii.crc32())
show('crc_hqx big', lambda: binascii.crc_hqx(b'123456789', 0x1ffff))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, issubclass(binascii.Incomplete, Exception))
