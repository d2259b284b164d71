# The digest modules hashlib falls back to: _md5, _sha1, _sha256, _sha512, _sha3, _blake2.
import _md5
import _sha1
import _sha256
import _sha512
import _sha3
import _blake2


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


inputs = [b'', b'abc', b'The quick brown fox jumps over the lazy dog', bytes(range(256)) * 5]
ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
         _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]
for c in ctors:
    h = c()
    print(h.name, h.digest_size, h.block_size, type(h).__name__, type(h).__module__)
    for data in inputs:
        print(' ', c(data).hexdigest())
    h = c(b'ab')
    h2 = h.copy()
    h.update(b'c')
    print('  copy', h.hexdigest() == c(b'abc').hexdigest(), h2.hexdigest() == c(b'ab').hexdigest(),
          h.digest() == bytes.fromhex(h.hexdigest()), len(h.digest()))
    # Incremental updates across block boundaries equal one update.
    h = c()
    for i in range(0, len(inputs[3]), 37):
        h.update(inputs[3][i:i + 37])
    print('  chunks', h.hexdigest() == c(inputs[3]).hexdigest())

for s in (_sha3.shake_128, _sha3.shake_256):
    h = s(b'abc')
    print(h.name, h.digest_size, h.block_size, h.hexdigest(0), h.hexdigest(10), h.digest(5), len(h.hexdigest(300)))
    show('  neg', lambda: h.digest(-1))
    show('  none', lambda: h.hexdigest())
    h2 = h.copy()
    h2.update(b'def')
    print('  ', h.hexdigest(8), h2.hexdigest(8), s(b'abcdef').hexdigest(8))

print(_blake2.blake2b(b'a', digest_size=16, key=b'k').hexdigest())
print(_blake2.blake2b(b'a', digest_size=20, salt=b'salt', person=b'me').hexdigest())
print(_blake2.blake2s(b'a', digest_size=16, salt=b'salt', person=b'me').hexdigest())
print(_blake2.blake2s(b'msg', key=b'secret' * 5).hexdigest(), _blake2.blake2b(key=b'x' * 64).hexdigest()[:32])
k = _blake2.blake2b(b'12', key=b'key', digest_size=32)
k.update(b'345')
print(k.hexdigest() == _blake2.blake2b(b'12345', key=b'key', digest_size=32).hexdigest(), k.digest_size)
print(_blake2.blake2b.MAX_DIGEST_SIZE, _blake2.blake2s.SALT_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.BLAKE2B_PERSON_SIZE)
show('size', lambda: _blake2.blake2b(digest_size=65))
show('size0', lambda: _blake2.blake2s(digest_size=0))
show('key', lambda: _blake2.blake2b(key=b'k' * 65))
show('salt', lambda: _blake2.blake2s(salt=b's' * 9))
show('person', lambda: _blake2.blake2b(person=b'p' * 17))
show('str', lambda: _sha512.sha512('x'))
show('int', lambda: _sha512.sha512(1))
show('upd str', lambda: _md5.md5().update('x'))
show('kw', lambda: _sha512.sha512(string=b'a').hexdigest()[:16])
show('kw data', lambda: _sha512.sha512(data=b'a'))
show('two', lambda: _md5.md5(b'a', b'b'))
show('sec', lambda: _sha256.sha256(b'a', usedforsecurity=False).hexdigest()[:16])
show('sha3 kw', lambda: _sha3.sha3_256(data=b'a'))
show('sha3 sec', lambda: _sha3.sha3_512(b'a', usedforsecurity=False).hexdigest()[:16])
show('new', lambda: type(_md5.md5())())
print(_sha3.sha3_256 is type(_sha3.sha3_256()), _sha512.SHA384Type is type(_sha512.sha512()), _sha256.SHA224Type.__name__, _md5.MD5Type.__name__)
