// EXIT: 3
// Leaves through exit(3) (WASI proc_exit with a nonzero code) after printing results;
// also registers an atexit handler, which must run and print before the exit.
// usage: exitcode [N]   (default 5000)
#include <stdio.h>
#include <stdlib.h>

static unsigned long long acc;
static void at_exit_handler(void) { printf("atexit acc=%llu\n", acc); }

static unsigned long long collatz_len(unsigned long long n) {
    unsigned long long c = 0;
    while (n != 1) { n = n & 1 ? 3 * n + 1 : n / 2; c++; }
    return c;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 5000;
    if (n < 1) { fprintf(stderr, "bad size\n"); return 2; }
    atexit(at_exit_handler);
    for (int i = 1; i <= n; i++) acc += collatz_len((unsigned long long)i);
    printf("exitcode n=%d collatz_total=%llu\n", n, acc);
    printf("exiting with status 3\n");
    exit(3);
}
