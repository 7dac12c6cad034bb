// Quicksort, mergesort and libc qsort (indirect calls) on pseudo-random integers.
// usage: sort [N]   (default 40000)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long rng = 0x9E3779B97F4A7C15ull;
static int next_int(void) {
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (int)(rng % 1000003ull) - 500000;
}

static void quicksort(int *a, int lo, int hi) {
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        /* median of three */
        if (a[mid] < a[lo]) { int t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
        if (a[hi] < a[lo]) { int t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
        if (a[hi] < a[mid]) { int t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
        int pivot = a[mid], i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
}

static void mergesort_rec(int *a, int *tmp, int lo, int hi) {
    if (hi - lo < 2) return;
    int mid = (lo + hi) / 2;
    mergesort_rec(a, tmp, lo, mid);
    mergesort_rec(a, tmp, mid, hi);
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < hi) tmp[k++] = a[j++];
    memcpy(a + lo, tmp + lo, sizeof(int) * (size_t)(hi - lo));
}

static int cmp_int(const void *x, const void *y) {
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

static unsigned long long checksum(const int *a, int n) {
    unsigned long long h = 0;
    for (int i = 0; i < n; i++) h = h * 31 + (unsigned)a[i];
    return h;
}

static int is_sorted(const int *a, int n) {
    for (int i = 1; i < n; i++) if (a[i - 1] > a[i]) return 0;
    return 1;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 40000;
    if (n <= 0) { fprintf(stderr, "bad size\n"); return 2; }
    int *orig = malloc(sizeof(int) * n), *a = malloc(sizeof(int) * n);
    int *b = malloc(sizeof(int) * n), *c = malloc(sizeof(int) * n), *tmp = malloc(sizeof(int) * n);
    for (int i = 0; i < n; i++) orig[i] = next_int();
    memcpy(a, orig, sizeof(int) * n);
    memcpy(b, orig, sizeof(int) * n);
    memcpy(c, orig, sizeof(int) * n);
    quicksort(a, 0, n - 1);
    mergesort_rec(b, tmp, 0, n);
    qsort(c, (size_t)n, sizeof(int), cmp_int);
    printf("sort n=%d\n", n);
    printf("quicksort sorted=%d checksum=%016llx\n", is_sorted(a, n), checksum(a, n));
    printf("mergesort sorted=%d checksum=%016llx\n", is_sorted(b, n), checksum(b, n));
    printf("qsort     sorted=%d checksum=%016llx\n", is_sorted(c, n), checksum(c, n));
    printf("min=%d median=%d max=%d agree=%d\n", a[0], a[n / 2], a[n - 1],
           memcmp(a, b, sizeof(int) * n) == 0 && memcmp(a, c, sizeof(int) * n) == 0);
    free(orig); free(a); free(b); free(c); free(tmp);
    return 0;
}
