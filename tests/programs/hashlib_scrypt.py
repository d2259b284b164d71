# hashlib.scrypt (RFC 7914) with OpenSSL's parameter checks and CPython's messages.
import hashlib
for kw in [dict(salt=b's', n=3, r=1, p=1), dict(n=2, r=1, p=1), dict(salt=b's', r=1, p=1), dict(salt=b's', n=2**20, r=8, p=1), dict(salt=b's', n=16, r=1, p=1, dklen=0), dict(salt='s', n=16, r=1, p=1), dict(salt=b's', n=16, r=1, p=1, maxmem=-1), dict(salt=b's', n=1, r=1, p=1)]:
    try: print(hashlib.scrypt(b'pw', **kw).hex()[:16])
    except Exception as e: print(type(e).__name__, e)
print(hashlib.scrypt(b'password', salt=b'NaCl', n=1024, r=8, p=16, dklen=64).hex())
print(hashlib.scrypt(b'', salt=b'', n=16, r=1, p=1, dklen=64).hex())
print(hashlib.scrypt(password=b'x', salt=bytearray(b'y'), n=4, r=2, p=3, dklen=7).hex())
print(hashlib.scrypt(b'k' * 100, salt=b'salt', n=32, r=3, p=2, dklen=100).hex())
try: hashlib.scrypt(salt=b"x", n=2, r=1, p=1)
except TypeError as e: print(e)
