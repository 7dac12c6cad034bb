/* Floats exactly as Rust's `{:+e}`: sign (none for NaN), the shortest digits that read back to the same value
 * of the type (f32 uses f32's neighbours), closest to the exact value when several are that short, then
 * `e` and the exponent without padding: +1.00018e3, -0e0, +inf, NaN.
 *
 * Digits come from the Steele-White / Burger-Dybvig free-format algorithm on exact bignums (as Rust's own
 * Dragon fallback): v = r/s, and the rounding interval around v is (v - mm/s, v + mp/s), its ends included
 * when the mantissa is even (round-half-even reading accepts them), just like Rust's decoder.
 * Sizes: r, s, mm, mp and their sums stay below 2^1081 (s <= 2^1076 for the smallest normal, times 10 while
 * generating), within the 1280-bit bignums. */
#include "core.h"
#include "bignum.h"

/* The digits of the positive value f * 2^e with the interval half-gaps described above; lower_closer when
 * the next value below is half as far as the next above (a power of two). Returns the digit count and the
 * decimal point position k: v ~= 0.d1 d2 ... * 10^k. */
static u32 shortest_digits(u64 f, i32 e, int lower_closer, int inclusive, u8 *digits, i32 *k_out)
{
    big r, s, mm, mp, t;
    u32 lc = lower_closer ? 1 : 0;
    if (e >= 0) {
        big_from_u64(&r, f);
        big_shl(&r, (u32)e + 1 + lc);
        big_from_u64(&s, 2u << lc);
        big_from_u64(&mm, 1);
        big_shl(&mm, (u32)e);
    } else {
        big_from_u64(&r, f << (1 + lc));
        big_from_u64(&s, 1);
        big_shl(&s, (u32)-e + 1 + lc);
        big_from_u64(&mm, 1);
    }
    mp = mm;
    if (lc) big_shl(&mp, 1);

    /* k = the smallest integer with high = v + mp/s below 10^k (or at it when the end is excluded).
     * Estimate from the binary exponent (floor(x log10 2) as (x * 78913) >> 18), then correct. */
    i32 bits = 64 - __builtin_clzll(f);
    i32 k = (((e + bits - 1) * 78913) >> 18) + 1;
    if (k >= 0) big_mul_pow10(&s, (u32)k);
    else {
        big_mul_pow10(&r, (u32)-k);
        big_mul_pow10(&mm, (u32)-k);
        big_mul_pow10(&mp, (u32)-k);
    }
    for (;;) { /* too small: high reaches 10^k */
        big_add(&t, &r, &mp);
        int c = big_cmp(&t, &s);
        if (c < 0 || (c == 0 && !inclusive)) break;
        big_mul_small(&s, 10);
        k++;
    }
    for (;;) { /* too large: high already fits below 10^(k-1) */
        big_add(&t, &r, &mp);
        big_mul_small(&t, 10);
        int c = big_cmp(&t, &s);
        if (c > 0 || (c == 0 && inclusive)) break;
        big_mul_small(&r, 10);
        big_mul_small(&mm, 10);
        big_mul_small(&mp, 10);
        k--;
    }

    u32 n = 0;
    for (;;) {
        big_mul_small(&r, 10);
        big_mul_small(&mm, 10);
        big_mul_small(&mp, 10);
        u8 d = 0;
        while (big_cmp(&r, &s) >= 0) {
            big_sub(&r, &s);
            d++;
        }
        int c = big_cmp(&r, &mm);
        int low = c < 0 || (c == 0 && inclusive);
        big_add(&t, &r, &mp);
        c = big_cmp(&t, &s);
        int high = c > 0 || (c == 0 && inclusive);
        if (low && high) { /* both neighbours are in the interval: take the closer, up on a tie (as Rust) */
            big_shl(&r, 1);
            if (big_cmp(&r, &s) >= 0) d++;
        } else if (high) {
            d++;
        }
        digits[n++] = d;
        if (low || high) break;
    }
    *k_out = k;
    return n;
}

/* Prints a finite or infinite value given as IEEE fields: mbits mantissa bits, bias-adjusted so that a
 * normal value is (2^mbits + mant) * 2^(exp - shift) and a subnormal one mant * 2^(1 - shift). */
static void out_float(int negative, u64 mant, u32 exp, u32 exp_max, u32 mbits, i32 shift)
{
    if (exp == exp_max && mant) {
        OUT_LIT("NaN");
        return;
    }
    out_char(negative ? '-' : '+');
    if (exp == exp_max) {
        OUT_LIT("inf");
        return;
    }
    if (exp == 0 && mant == 0) {
        OUT_LIT("0e0");
        return;
    }
    u64 f = exp ? mant | (1ull << mbits) : mant;
    i32 e = exp ? (i32)exp - shift : 1 - shift;
    u8 digits[20];
    i32 k;
    u32 n = shortest_digits(f, e, exp != 0 && mant == 0, (f & 1) == 0, digits, &k);
    out_char((u8)('0' + digits[0]));
    if (n > 1) {
        out_char('.');
        for (u32 i = 1; i < n; i++) out_char((u8)('0' + digits[i]));
    }
    out_char('e');
    out_i64(k - 1);
}

void out_f64(double v)
{
    u64 bits;
    __builtin_memcpy(&bits, &v, 8);
    out_float((int)(bits >> 63), bits & ((1ull << 52) - 1), (u32)(bits >> 52) & 0x7FF, 0x7FF, 52, 1075);
}

void out_f32(float v)
{
    u32 bits;
    __builtin_memcpy(&bits, &v, 4);
    out_float((int)(bits >> 31), bits & ((1u << 23) - 1), (bits >> 23) & 0xFF, 0xFF, 23, 150);
}

EXPORT("putf64") void putf64(double v) { out_f64(v); }
EXPORT("putf32") void putf32(float v) { out_f32(v); }
