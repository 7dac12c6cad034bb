// Dynamic programming: longest common subsequence, edit distance and 0/1 knapsack.
// usage: dp [LEN]   (default 1200)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned seed = 42;
static unsigned rnd(void) { seed = seed * 1664525u + 1013904223u; return seed >> 8; }

static int lcs(const char *a, int n, const char *b, int m) {
    int *prev = calloc((size_t)m + 1, sizeof(int)), *cur = calloc((size_t)m + 1, sizeof(int));
    for (int i = 1; i <= n; i++) {
        for (int j = 1; j <= m; j++) {
            if (a[i - 1] == b[j - 1]) cur[j] = prev[j - 1] + 1;
            else cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
        }
        int *t = prev; prev = cur; cur = t;
    }
    int r = prev[m];
    free(prev); free(cur);
    return r;
}

static int edit_distance(const char *a, int n, const char *b, int m) {
    int *d = malloc(sizeof(int) * (size_t)(n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
    for (int i = 0; i <= n; i++) D(i, 0) = i;
    for (int j = 0; j <= m; j++) D(0, j) = j;
    for (int i = 1; i <= n; i++)
        for (int j = 1; j <= m; j++) {
            int best = D(i - 1, j - 1) + (a[i - 1] != b[j - 1]);
            if (D(i - 1, j) + 1 < best) best = D(i - 1, j) + 1;
            if (D(i, j - 1) + 1 < best) best = D(i, j - 1) + 1;
            D(i, j) = best;
        }
    int r = D(n, m);
#undef D
    free(d);
    return r;
}

static long long knapsack(const int *w, const int *v, int items, int cap, int *chosen) {
    long long *best = calloc((size_t)(items + 1) * (cap + 1), sizeof(long long));
#define B(i, c) best[(size_t)(i) * (cap + 1) + (c)]
    for (int i = 1; i <= items; i++)
        for (int c = 0; c <= cap; c++) {
            B(i, c) = B(i - 1, c);
            if (w[i - 1] <= c && B(i - 1, c - w[i - 1]) + v[i - 1] > B(i, c)) B(i, c) = B(i - 1, c - w[i - 1]) + v[i - 1];
        }
    long long r = B(items, cap);
    int c = cap, count = 0;
    for (int i = items; i > 0; i--)
        if (B(i, c) != B(i - 1, c)) { count++; c -= w[i - 1]; }
    *chosen = count;
#undef B
    free(best);
    return r;
}

int main(int argc, char **argv) {
    int len = argc > 1 ? atoi(argv[1]) : 1200;
    if (len <= 0 || len > 20000) { fprintf(stderr, "bad size\n"); return 2; }
    char *a = malloc((size_t)len), *b = malloc((size_t)len);
    for (int i = 0; i < len; i++) a[i] = "ACGT"[rnd() & 3];
    for (int i = 0; i < len; i++) b[i] = (rnd() % 5 == 0) ? "ACGT"[rnd() & 3] : a[(i * 7 + 3) % len];
    int items = 120, cap = 1000, w[120], v[120], chosen;
    for (int i = 0; i < items; i++) { w[i] = 5 + (int)(rnd() % 60); v[i] = 1 + (int)(rnd() % 100); }
    int l = lcs(a, len, b, len);
    int e = edit_distance(a, len / 2, b, len / 2);
    long long k = knapsack(w, v, items, cap, &chosen);
    printf("dp len=%d\n", len);
    printf("lcs=%d\n", l);
    printf("edit_distance(half)=%d\n", e);
    printf("knapsack items=%d cap=%d best=%lld chosen=%d\n", items, cap, k, chosen);
    free(a); free(b);
    return 0;
}
