import os
for s in [0, 256, 9, 0x8b, 0x137f, 0xffff]:
    print(s, os.WIFEXITED(s), os.WEXITSTATUS(s), os.WIFSIGNALED(s), os.WTERMSIG(s), os.WIFSTOPPED(s), os.WCOREDUMP(s), os.WIFCONTINUED(s))
for s in [0, 256, 9, 0x8b]: print(os.waitstatus_to_exitcode(s))
