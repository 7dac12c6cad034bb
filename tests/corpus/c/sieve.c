// Sieve of Eratosthenes (byte array and bit array), prime counting and twin primes.
// usage: sieve [LIMIT]   (default 1000000)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

int main(int argc, char **argv) {
    long limit = argc > 1 ? atol(argv[1]) : 1000000;
    if (limit < 2 || limit > 100000000) { fprintf(stderr, "bad limit\n"); return 2; }
    uint8_t *composite = calloc((size_t)limit + 1, 1);
    for (long i = 2; i * i <= limit; i++)
        if (!composite[i])
            for (long j = i * i; j <= limit; j += i) composite[j] = 1;
    long count = 0, twins = 0, last = 0; unsigned long long sum = 0;
    for (long i = 2; i <= limit; i++)
        if (!composite[i]) { count++; sum += (unsigned long long)i; if (i - last == 2) twins++; last = i; }
    /* bit sieve over odd numbers only */
    size_t words = (size_t)(limit / 2 / 32 + 1);
    uint32_t *bits = calloc(words, sizeof(uint32_t));
    for (long i = 3; i * i <= limit; i += 2)
        if (!(bits[(i / 2) >> 5] & (1u << ((i / 2) & 31))))
            for (long j = i * i; j <= limit; j += 2 * i) bits[(j / 2) >> 5] |= 1u << ((j / 2) & 31);
    long count2 = limit >= 2;
    for (long i = 3; i <= limit; i += 2) if (!(bits[(i / 2) >> 5] & (1u << ((i / 2) & 31)))) count2++;
    printf("sieve limit=%ld\n", limit);
    printf("primes=%ld (bitsieve %ld) largest=%ld\n", count, count2, last);
    printf("sum=%llu twins=%ld\n", sum, twins);
    free(composite); free(bits);
    return 0;
}
