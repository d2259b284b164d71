import hashlib, hmac
print(hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, 20).hex(), hashlib.pbkdf2_hmac("sha512", b"p" * 200, b"s", 3, 100).hex())
print(hashlib.pbkdf2_hmac("md5", bytearray(b"x"), memoryview(b"y"), 5, dklen=7).hex(), hashlib.pbkdf2_hmac("blake2b", b"k", b"s", 2).hex()[:32])
for bad in [lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0), lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 1, 0), lambda: hashlib.pbkdf2_hmac("nope", b"p", b"s", 1), lambda: hashlib.pbkdf2_hmac(1, b"p", b"s", 1), lambda: hashlib.pbkdf2_hmac("sha256", "p", b"s", 1), lambda: hashlib.new("nope")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(hashlib.new("sha256", b"abc").hexdigest(), hashlib.new("SHA1").name, hashlib.new("md5", usedforsecurity=False).hexdigest(), hashlib.sha256(b"x").hexdigest()[:16], hashlib.sha3_256(b"x").hexdigest()[:16], hashlib.blake2s(b"x").hexdigest()[:16])
print(hmac.new(b"key", b"msg", "sha256").hexdigest(), hmac.digest(b"k", b"m", "sha1").hex(), hmac.new(b"k", digestmod=hashlib.sha512).hexdigest()[:20], hmac.compare_digest(b"a", b"a"), hmac.compare_digest("a", "b"))
h = hmac.new(b"k" * 100, b"part1", hashlib.md5); h2 = h.copy(); h.update(b"part2"); print(h.hexdigest(), h2.hexdigest(), h.name, h.digest_size, h.block_size)
print(sorted(hashlib.algorithms_guaranteed))
