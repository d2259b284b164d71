# BytesIO.getbuffer(): a live view of the stream's bytes; while a view lives the stream
# cannot be written, truncated or closed (BufferError), reads see writes made through the view,
# and releasing every view makes it writable again.
import io

b = io.BytesIO(b'hello world')
v = b.getbuffer()
print(type(v).__name__, len(v), bytes(v), v[0])
v[0] = ord('J')
v[6:11] = b'WORLD'
print(b.getvalue(), b.read(5), b.tell())
for label, f in [('write', lambda: b.write(b'x')), ('truncate', lambda: b.truncate(2)),
                 ('close', lambda: b.close()), ('writelines', lambda: b.writelines([b'a']))]:
    try:
        f()
        print(label, 'ok')
    except BufferError as e:
        print(label, 'BufferError', e)
print(b.seek(0), b.read(), b.closed)
w = b.getbuffer()
v.release()
try:
    b.write(b'!')
except BufferError as e:
    print('one view left:', e)
w.release()
print(b.write(b'!'), b.getvalue())
with b.getbuffer() as view:
    view[1] = ord('E')
print(b.getvalue())
b.write(b' and more')
print(b.getvalue())
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print('ValueError', e)
