def _make(*names):
    items = list(enumerate(names))
    globals().update({n: i for i, n in items})
    return items


CODES = _make('ALPHA', 'BETA', 'GAMMA')
_hidden = 1
STATIC = 'static'
