/* getpid loop for benches/arm32/insn.sh: N (argv[1], default 20000) getpid
 * system calls; N = 0 measures the program's startup and exit alone. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 20000;
    long sum = 0;
    for (long i = 0; i < n; i++)
        sum += syscall(SYS_getpid) > 0;
    printf("%ld getpid calls\n", sum);
    return 0;
}
