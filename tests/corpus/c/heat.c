// 2-D Jacobi heat-diffusion stencil on a float grid with fixed boundary conditions.
// usage: heat [N] [ITERS]   (default 64 200)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 64;
    int iters = argc > 2 ? atoi(argv[2]) : 200;
    if (n < 4 || n > 2048 || iters < 0) { fprintf(stderr, "bad args\n"); return 2; }
    float *u = calloc((size_t)n * n, sizeof(float));
    float *v = calloc((size_t)n * n, sizeof(float));
    for (int i = 0; i < n; i++) { u[i] = 100.0f; u[(n - 1) * n + i] = 0.0f; u[i * n] = 50.0f; u[i * n + n - 1] = 25.0f; }
    u[(n / 2) * n + n / 2] = 1000.0f;
    memcpy(v, u, sizeof(float) * n * n);
    float delta = 0;
    for (int t = 0; t < iters; t++) {
        delta = 0;
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < n - 1; j++) {
                float nv = 0.25f * (u[(i - 1) * n + j] + u[(i + 1) * n + j] + u[i * n + j - 1] + u[i * n + j + 1]);
                float d = nv - u[i * n + j];
                if (d < 0) d = -d;
                if (d > delta) delta = d;
                v[i * n + j] = nv;
            }
        float *tmp = u; u = v; v = tmp;
    }
    double total = 0;
    for (int i = 0; i < n * n; i++) total += u[i];
    unsigned h = 2166136261u;
    for (int i = 0; i < n * n; i++) { int q = (int)(u[i] * 1000.0f); h = (h ^ (unsigned)q) * 16777619u; }
    printf("heat n=%d iters=%d\n", n, iters);
    printf("center=%.4f corner=%.4f\n", u[(n / 2) * n + n / 2], u[n + 1]);
    printf("total=%.3f last_delta=%.6f\n", total, delta);
    printf("checksum=%08x\n", h);
    free(u); free(v);
    return 0;
}
