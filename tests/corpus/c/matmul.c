// Dense double-precision matrix multiply (naive i-k-j and blocked), with checksums.
// usage: matmul [N]   (default 96)
#include <stdio.h>
#include <stdlib.h>

static unsigned lcg_state = 12345u;
static double rnd(void) {
    lcg_state = lcg_state * 1103515245u + 12345u;
    return (double)((lcg_state >> 8) & 0xFFFF) / 65536.0 - 0.5;
}

static void matmul_ikj(int n, const double *a, const double *b, double *c) {
    for (int i = 0; i < n * n; i++) c[i] = 0.0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
        }
}

static void matmul_blocked(int n, const double *a, const double *b, double *c) {
    const int bs = 16;
    for (int i = 0; i < n * n; i++) c[i] = 0.0;
    for (int ii = 0; ii < n; ii += bs)
        for (int kk = 0; kk < n; kk += bs)
            for (int jj = 0; jj < n; jj += bs)
                for (int i = ii; i < ii + bs && i < n; i++)
                    for (int k = kk; k < kk + bs && k < n; k++) {
                        double aik = a[i * n + k];
                        for (int j = jj; j < jj + bs && j < n; j++) c[i * n + j] += aik * b[k * n + j];
                    }
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 96;
    if (n <= 0 || n > 1024) { fprintf(stderr, "bad size\n"); return 2; }
    double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n);
    double *c = malloc(sizeof(double) * n * n), *d = malloc(sizeof(double) * n * n);
    for (int i = 0; i < n * n; i++) { a[i] = rnd(); b[i] = rnd(); }
    matmul_ikj(n, a, b, c);
    matmul_blocked(n, a, b, d);
    double trace = 0, sum = 0, maxdiff = 0;
    for (int i = 0; i < n; i++) trace += c[i * n + i];
    for (int i = 0; i < n * n; i++) {
        sum += c[i];
        double diff = c[i] - d[i];
        if (diff < 0) diff = -diff;
        if (diff > maxdiff) maxdiff = diff;
    }
    /* integer checksum of the quantised result */
    unsigned long long h = 1469598103934665603ull;
    for (int i = 0; i < n * n; i++) { h ^= (unsigned long long)(long long)(c[i] * 1e6); h *= 1099511628211ull; }
    printf("matmul n=%d\n", n);
    printf("trace=%.6f sum=%.6f\n", trace, sum);
    printf("blocked_maxdiff=%.3e\n", maxdiff);
    printf("checksum=%016llx\n", h);
    free(a); free(b); free(c); free(d);
    return 0;
}
