# hashlib over the fallback digest modules, and hmac on top.
import hashlib
import hmac

for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_256', 'blake2b', 'blake2s']:
    h = hashlib.new(name, b'abc')
    print(name, h.hexdigest(), h.digest_size, h.block_size)
print(hashlib.sha256(b'abc').hexdigest(), hashlib.shake_128(b'x').hexdigest(8))
print(sorted(hashlib.algorithms_guaranteed))
print(hmac.new(b'key', b'msg', 'sha256').hexdigest(), hmac.compare_digest(b'a', b'a'))
print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 10).hex())
