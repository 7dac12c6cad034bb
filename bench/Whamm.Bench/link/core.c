// A ~12 KB stand-in for the instrumenter's C core library, for `Whamm.Bench link` (ModuleEditor.Link):
// its own memory and data, globals, malloc/qsort from wasi-libc, and the WASI fd_write import. Build:
//   clang-14 --target=wasm32-wasi -O2 -mexec-model=reactor -Wl,--strip-debug -o /tmp/core.wasm bench/Whamm.Bench/link/core.c
// then: bench/Whamm.Bench/bin/Release/net10.0/Whamm.Bench link .corpus/npm/esbuild.wasm /tmp/core.wasm /tmp/out.wasm --time
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>
#define N 1024
static uint64_t counts[N];
static uint32_t keys[N];
static char buf[4096];
static size_t len;
static const char *labels[] = {"call", "load", "store", "branch", "alloc", "free", "loop", "ret"};
__attribute__((export_name("count"))) void count(uint32_t fid, uint32_t pc) {
  uint32_t k = fid * 2654435761u ^ pc; uint32_t h = k % N;
  while (keys[h] && keys[h] != k) h = (h + 1) % N;
  keys[h] = k; counts[h]++;
}
static void put(const char *s) { size_t n = strlen(s); if (len + n < sizeof buf) { memcpy(buf + len, s, n); len += n; } }
static void putu(uint64_t v) { char t[24]; int i = 23; t[i] = 0; do { t[--i] = '0' + v % 10; v /= 10; } while (v); put(t + i); }
static void flush(void) { __wasi_ciovec_t io = {(const uint8_t *)buf, len}; size_t w; (void)__wasi_fd_write(2, &io, 1, &w); len = 0; }
__attribute__((export_name("report"))) void report(void) {
  for (int i = 0; i < N; i++) if (keys[i]) { put(labels[keys[i] % 8]); put(" "); putu(keys[i]); put(": "); putu(counts[i]); put("\n"); if (len > 3000) flush(); }
  flush();
}
__attribute__((export_name("reset"))) void reset(void) { memset(counts, 0, sizeof counts); memset(keys, 0, sizeof keys); }
static int cmp(const void *a, const void *b) { uint64_t x = counts[*(const int *)a], y = counts[*(const int *)b]; return x < y ? 1 : x > y ? -1 : 0; }
__attribute__((export_name("report_sorted"))) void report_sorted(void) {
  int *idx = malloc(N * sizeof(int)); int n = 0;
  for (int i = 0; i < N; i++) if (keys[i]) idx[n++] = i;
  qsort(idx, n, sizeof(int), cmp);
  for (int j = 0; j < n; j++) { put(labels[keys[idx[j]] % 8]); put(" "); putu(counts[idx[j]]); put("\n"); if (len > 3000) flush(); }
  flush(); free(idx);
}
