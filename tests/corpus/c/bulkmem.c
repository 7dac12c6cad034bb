// CFLAGS: -mbulk-memory
// EXPECT-OPS: memory.copy memory.fill
// memcpy / memmove / memset heavy workload; with -mbulk-memory clang lowers these to
// memory.copy / memory.fill instructions.
// usage: bulkmem [SIZE] [ROUNDS]   (default 65536 300)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

typedef struct { char name[24]; int32_t id; double weight; uint8_t payload[100]; } Record;

static uint32_t fnv(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 16777619u; }
    return h;
}

int main(int argc, char **argv) {
    size_t size = argc > 1 ? (size_t)atol(argv[1]) : 65536;
    int rounds = argc > 2 ? atoi(argv[2]) : 300;
    if (size < 1024 || rounds < 1) { fprintf(stderr, "bad args\n"); return 2; }
    uint8_t *a = malloc(size), *b = malloc(size);
    for (size_t i = 0; i < size; i++) a[i] = (uint8_t)(i * 131 + (i >> 8));
    uint32_t s = 5;
    for (int r = 0; r < rounds; r++) {
        s = s * 1103515245u + 12345u;
        size_t len = 1 + (s >> 8) % (size / 4), src = (s >> 3) % (size - len), dst = (s >> 13) % (size - len);
        __builtin_memcpy(b, a, size);
        __builtin_memmove(a + dst, a + src, len);             /* overlapping copy */
        __builtin_memset(b + (src / 2), (int)(r & 0xFF), len / 2);
        __builtin_memcpy(a + (size - len) / 2, b + dst / 2, len / 3);
        if (r % 16 == 0) __builtin_memset(a, 0, 64);
    }
    Record recs[64], copy[64];
    __builtin_memset(recs, 0, sizeof recs);
    for (int i = 0; i < 64; i++) {
        Record t;
        __builtin_memset(&t, 0xA5, sizeof t);
        snprintf(t.name, sizeof t.name, "rec-%03d", i);
        t.id = i * i; t.weight = i / 8.0;
        __builtin_memset(t.payload, i, sizeof t.payload);
        recs[i] = t;                                           /* struct copy */
    }
    for (int k = 0; k < 200; k++) { __builtin_memcpy(copy, recs, sizeof recs); __builtin_memmove(recs + 1, copy, sizeof(Record) * 63); recs[0] = copy[63]; }
    printf("bulkmem size=%zu rounds=%d\n", size, rounds);
    printf("a=%08x b=%08x\n", fnv(a, size), fnv(b, size));
    printf("records=%08x first=%s last=%s\n", fnv((const uint8_t *)recs, sizeof recs), recs[0].name, recs[63].name);
    free(a); free(b);
    return 0;
}
