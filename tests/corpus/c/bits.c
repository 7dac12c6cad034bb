// Bit manipulation: popcount / clz / ctz / rotates (i32 and i64), bit reversal, Gray codes,
// parity, next-permutation-of-bits and a xorshift64* generator.
// usage: bits [N]   (default 300000)
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static uint32_t rev32(uint32_t x) {
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
    x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
    return (x >> 16) | (x << 16);
}
static int popcount_loop(uint64_t x) { int c = 0; while (x) { x &= x - 1; c++; } return c; }
static uint32_t rotl32(uint32_t x, int r) { return (x << (r & 31)) | (x >> ((32 - r) & 31)); }
static uint64_t rotr64(uint64_t x, int r) { return (x >> (r & 63)) | (x << ((64 - r) & 63)); }
static uint32_t next_bit_perm(uint32_t v) {
    uint32_t t = v | (v - 1);
    return (t + 1) | (((~t & -~t) - 1) >> (__builtin_ctz(v) + 1));
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 300000;
    if (n <= 0) { fprintf(stderr, "bad size\n"); return 2; }
    uint64_t s = 0x2545F4914F6CDD1Dull;
    uint64_t pop = 0, clz = 0, ctz = 0, par = 0, acc = 0, mismatch = 0;
    for (int i = 0; i < n; i++) {
        s ^= s >> 12; s ^= s << 25; s ^= s >> 27;
        uint64_t r = s * 0x2545F4914F6CDD1Dull;
        uint32_t lo = (uint32_t)r, hi = (uint32_t)(r >> 32);
        pop += (uint64_t)__builtin_popcountll(r);
        if (__builtin_popcountll(r) != popcount_loop(r)) mismatch++;
        clz += lo ? (uint64_t)__builtin_clz(lo) : 32;
        ctz += r ? (uint64_t)__builtin_ctzll(r) : 64;
        par += (uint64_t)__builtin_parity(hi);
        uint32_t g = lo ^ (lo >> 1); /* gray code; decode back */
        uint32_t b = g;
        for (uint32_t sh = 1; sh < 32; sh <<= 1) b ^= b >> sh;
        if (b != lo) mismatch++;
        acc ^= rotr64(r, i) + rotl32(rev32(lo), (int)(hi & 31));
        acc = rotr64(acc, 7) * 31 + (uint64_t)(int64_t)(int32_t)(hi ^ lo) / 3;
    }
    /* enumerate all 32-bit words with exactly 3 bits set below 2^16 */
    int perms = 0; uint32_t v = 7, x = 0;
    while (v < (1u << 16)) { perms++; x ^= v * 2654435761u; v = next_bit_perm(v); }
    printf("bits n=%d\n", n);
    printf("popcount=%llu clz=%llu ctz=%llu parity=%llu mismatch=%llu\n",
           (unsigned long long)pop, (unsigned long long)clz, (unsigned long long)ctz, (unsigned long long)par, (unsigned long long)mismatch);
    printf("acc=%016llx rev(1)=%08x perms=%d x=%08x\n", (unsigned long long)acc, rev32(1), perms, x);
    return 0;
}
