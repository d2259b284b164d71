print(OSError(1,'x','f').args, OSError(1,'x',None).args, OSError(1,'x',None), OSError(1).args, OSError(1).errno, OSError('a','b').errno, str(OSError('a','b')), OSError(2,'x','f','w','g').filename2, str(OSError(2,'x','f',None,'g')))
print(type(OSError(2,'x')).__name__, type(OSError(2)).__name__, type(OSError(2,'x',1,2,3,4)).__name__, OSError(2,'x',1,2,3,4).errno, type(FileExistsError(2,'x')).__name__)
print(repr(OSError(13,'denied','p')), str(PermissionError(13,'denied','p')))
class E(OSError): pass
print(type(E(2,'x')).__name__, E(2,'x').errno, E(2, 'x', 'f'))
e=OSError(5,'io'); e.errno=7; print(e.errno, str(e))
print(BlockingIOError(11, 'x', 3).characters_written)
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 114, 115, 99]:
    print(n, type(OSError(n, "m")).__name__)
try:
    raise OSError(2, "No such file or directory", "/nope")
except FileNotFoundError as e:
    print("caught", e, e.errno, e.filename, e.args)
print(IOError is OSError, EnvironmentError is OSError)
