# ast.parse keeps a lone surrogate of a string literal (not U+FFFD).
import ast

tree = ast.parse('x = "a\\ud800" "\\udcff"\ny = "\\ufffd"\n')
print(ascii(tree.body[0].value.value), ascii(tree.body[1].value.value))
print(ascii(ast.literal_eval('"\\udc80z"')), len(ast.literal_eval('"\\ud800\\udc00"')))
