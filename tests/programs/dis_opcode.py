# opcode / dis tables and opcode.stack_effect (CPython 3.11's values and argument errors).
import dis
import opcode

print(len(opcode.opmap), opcode.HAVE_ARGUMENT, opcode.EXTENDED_ARG, opcode.opmap['LOAD_CONST'])
print(sorted(opcode.hasjrel)[:6], opcode.hasconst, opcode.cmp_op, opcode.hasfree[:3])
print(dis.opname[100], dis.opmap['RETURN_VALUE'], dis.COMPILER_FLAG_NAMES[32], dis.pretty_flags(3))
print(dis.Instruction._fields)
print(len(opcode._nb_ops), opcode._nb_ops[0], opcode._specializations['BINARY_OP'][:2])

effects = []
for name, op in sorted(opcode.opmap.items()):
    if op < opcode.HAVE_ARGUMENT:
        effects.append((name, opcode.stack_effect(op)))
    else:
        row = [opcode.stack_effect(op, arg) for arg in (0, 1, 2, 3, 4, 5, 8, 15, 255)]
        jumps = (opcode.stack_effect(op, 0, jump=True), opcode.stack_effect(op, 0, jump=False))
        effects.append((name, row, jumps))
for e in effects:
    print(*e)

for args, kwargs in [((3,), {}), ((100,), {}), ((1, 2), {}), ((100, 1, 2), {}), ((255, 0), {}),
                     ((1 << 31,), {}), ((102, 1 << 31), {}), ((102, -5), {}), ((102, 1 << 40), {}),
                     ((100, 1.5), {}), (('x',), {}), ((), {}), ((100, 1), {'jump': 1}),
                     ((100, 1), {'jmp': True}), ((1, None), {}), ((93, 0), {'jump': None})]:
    try:
        print(args, opcode.stack_effect(*args, **kwargs))
    except (ValueError, TypeError, OverflowError) as e:
        print(args, type(e).__name__, e)
