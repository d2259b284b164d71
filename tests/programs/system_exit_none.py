# An uncaught SystemExit() or SystemExit(None) ends the run successfully.
print("before")
try:
    raise SystemExit(None)
finally:
    print("finally runs")
