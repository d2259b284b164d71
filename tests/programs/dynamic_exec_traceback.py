# An exception raised in exec'd code propagates with frames from "<string>".
src = """
def helper(n):
    return 10 // n

value = helper(0)
"""
print("before")
exec(src, {})
