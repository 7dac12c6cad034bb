/* Small fixed-size unsigned bignums for exact float formatting (float_format.c only).
 * 40 words hold 1280 bits; the largest value float_format.c builds is below 2^1090 (see there). */
#ifndef WHAMM_BIGNUM_H
#define WHAMM_BIGNUM_H
#include "core.h"

#define BIG_WORDS 40

typedef struct {
    u32 len;            /* words in use; w[len - 1] != 0 unless len == 0 */
    u32 w[BIG_WORDS];   /* least significant first */
} big;

static void big_from_u64(big *a, u64 v)
{
    a->w[0] = (u32)v;
    a->w[1] = (u32)(v >> 32);
    a->len = (v >> 32) ? 2 : (v ? 1 : 0);
}

static void big_mul_small(big *a, u32 m)
{
    u64 carry = 0;
    for (u32 i = 0; i < a->len; i++) {
        carry += (u64)a->w[i] * m;
        a->w[i] = (u32)carry;
        carry >>= 32;
    }
    if (carry) {
        if (a->len == BIG_WORDS) TRAP();
        a->w[a->len++] = (u32)carry;
    }
}

static void big_mul_pow10(big *a, u32 n)
{
    static const u32 small[9] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000 };
    for (; n >= 9; n -= 9) big_mul_small(a, 1000000000);
    if (n) big_mul_small(a, small[n]);
}

static void big_shl(big *a, u32 n)
{
    if (a->len == 0) return;
    u32 words = n / 32, bits = n % 32;
    u32 len = a->len + words + 1;
    if (len > BIG_WORDS) TRAP();
    a->w[len - 1] = 0;
    for (u32 i = a->len; i-- > 0;) {
        if (bits) a->w[i + words + 1] |= a->w[i] >> (32 - bits);
        a->w[i + words] = a->w[i] << bits;
    }
    for (u32 i = 0; i < words; i++) a->w[i] = 0;
    a->len = a->w[len - 1] ? len : len - 1;
}

static int big_cmp(const big *a, const big *b)
{
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    for (u32 i = a->len; i-- > 0;)
        if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

static void big_add(big *r, const big *a, const big *b)
{
    const big *lo = a->len < b->len ? a : b, *hi = a->len < b->len ? b : a;
    u64 carry = 0;
    u32 i = 0;
    for (; i < hi->len; i++) {
        carry += (u64)hi->w[i] + (i < lo->len ? lo->w[i] : 0);
        r->w[i] = (u32)carry;
        carry >>= 32;
    }
    if (carry) {
        if (i == BIG_WORDS) TRAP();
        r->w[i++] = (u32)carry;
    }
    r->len = i;
}

/* a -= b; requires a >= b. */
static void big_sub(big *a, const big *b)
{
    i64 borrow = 0;
    for (u32 i = 0; i < a->len; i++) {
        borrow += (i64)a->w[i] - (i < b->len ? b->w[i] : 0);
        a->w[i] = (u32)borrow;
        borrow >>= 32;
    }
    while (a->len && a->w[a->len - 1] == 0) a->len--;
}

#endif
