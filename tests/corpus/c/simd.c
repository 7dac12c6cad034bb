// CFLAGS: -msimd128
// EXPECT-OPS: f32x4.mul i32x4 i8x16
// Loops that clang auto-vectorises to wasm SIMD (v128): saxpy, integer dot products,
// byte histograms/saturating ops, min/max and element-wise float math.
// usage: simd [N] [REPS]   (default 4096 200)
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

__attribute__((noinline)) static void saxpy(int n, float a, const float *x, float *restrict y) {
    for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}
__attribute__((noinline)) static int32_t dot_i16(int n, const int16_t *a, const int16_t *b) {
    int32_t s = 0;
    for (int i = 0; i < n; i++) s += (int32_t)a[i] * b[i];
    return s;
}
__attribute__((noinline)) static void clamp_add_u8(int n, const uint8_t *a, const uint8_t *b, uint8_t *restrict out) {
    for (int i = 0; i < n; i++) { int v = a[i] + b[i]; out[i] = (uint8_t)(v > 255 ? 255 : v); }
}
__attribute__((noinline)) static void minmax_i32(int n, const int32_t *a, int32_t *mn, int32_t *mx) {
    int32_t lo = a[0], hi = a[0];
    for (int i = 1; i < n; i++) { lo = a[i] < lo ? a[i] : lo; hi = a[i] > hi ? a[i] : hi; }
    *mn = lo; *mx = hi;
}
__attribute__((noinline)) static void scale_f64(int n, double *restrict x, const double *y) {
    for (int i = 0; i < n; i++) x[i] = x[i] * 0.5 + y[i] * 0.25;
}
__attribute__((noinline)) static uint64_t sum_u64(int n, const uint32_t *a) {
    uint64_t s = 0;
    for (int i = 0; i < n; i++) s += a[i] ^ (a[i] >> 3);
    return s;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 4096;
    int reps = argc > 2 ? atoi(argv[2]) : 200;
    if (n < 16 || reps < 1) { fprintf(stderr, "bad args\n"); return 2; }
    float *x = malloc(sizeof(float) * n), *y = malloc(sizeof(float) * n);
    int16_t *a = malloc(sizeof(int16_t) * n), *b = malloc(sizeof(int16_t) * n);
    uint8_t *p = malloc((size_t)n), *q = malloc((size_t)n), *r = malloc((size_t)n);
    int32_t *w = malloc(sizeof(int32_t) * n);
    uint32_t *u = malloc(sizeof(uint32_t) * n);
    double *dx = malloc(sizeof(double) * n), *dy = malloc(sizeof(double) * n);
    uint32_t s = 17;
    for (int i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u;
        x[i] = (float)(s >> 20) / 4096.0f; y[i] = (float)(i % 7);
        a[i] = (int16_t)(s >> 16); b[i] = (int16_t)(s >> 3);
        p[i] = (uint8_t)(s >> 24); q[i] = (uint8_t)(s >> 11);
        w[i] = (int32_t)s; u[i] = s ^ (uint32_t)i;
        dx[i] = i * 0.001; dy[i] = (double)(s >> 8) / 16777216.0;
    }
    int64_t dots = 0; uint64_t sums = 0; int32_t mn = 0, mx = 0;
    for (int k = 0; k < reps; k++) {
        saxpy(n, 0.5f, x, y);
        for (int i = 0; i < n; i++) if (y[i] > 1000.0f) y[i] -= 1000.0f;
        dots += dot_i16(n, a, b);
        clamp_add_u8(n, p, q, r);
        p[k % n] ^= r[(k * 7) % n];
        minmax_i32(n, w, &mn, &mx);
        w[k % n] += k;
        scale_f64(n, dx, dy);
        sums += sum_u64(n, u);
    }
    double ys = 0, ds = 0; unsigned rs = 0;
    for (int i = 0; i < n; i++) { ys += y[i]; ds += dx[i]; rs = rs * 31 + r[i]; }
    printf("simd n=%d reps=%d\n", n, reps);
    printf("saxpy sum=%.3f\n", ys);
    printf("dot=%lld u8hash=%08x\n", (long long)dots, rs);
    printf("min=%d max=%d\n", mn, mx);
    printf("f64 sum=%.6f u64 sum=%llu\n", ds, (unsigned long long)sums);
    return 0;
}
