// String processing: word frequency counting, KMP substring search and a Caesar/ROT round trip
// over a generated text.
// usage: text [WORDS]   (default 30000)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static const char *vocab[] = {
    "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "wasm", "module",
    "function", "memory", "table", "global", "import", "export", "instrument", "probe",
    "whamm", "bytecode", "stack", "local", "branch", "loop", "block", "call", "return",
    "abracadabra", "abracad", "cadabra"};
#define NV (int)(sizeof vocab / sizeof vocab[0])

static unsigned s = 7;
static unsigned rnd(void) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; return s; }

static int kmp_count(const char *text, size_t n, const char *pat) {
    size_t m = strlen(pat);
    int *fail = malloc(sizeof(int) * m);
    fail[0] = 0;
    for (size_t i = 1, k = 0; i < m; i++) {
        while (k > 0 && pat[i] != pat[k]) k = fail[k - 1];
        if (pat[i] == pat[k]) k++;
        fail[i] = (int)k;
    }
    int count = 0;
    for (size_t i = 0, k = 0; i < n; i++) {
        while (k > 0 && text[i] != pat[k]) k = fail[k - 1];
        if (text[i] == pat[k]) k++;
        if (k == m) { count++; k = fail[k - 1]; }
    }
    free(fail);
    return count;
}

static int naive_count(const char *text, size_t n, const char *pat) {
    size_t m = strlen(pat);
    int c = 0;
    for (size_t i = 0; i + m <= n; i++) if (memcmp(text + i, pat, m) == 0) c++;
    return c;
}

int main(int argc, char **argv) {
    int words = argc > 1 ? atoi(argv[1]) : 30000;
    if (words <= 0) { fprintf(stderr, "bad size\n"); return 2; }
    size_t cap = (size_t)words * 13 + 1, n = 0;
    char *text = malloc(cap);
    for (int i = 0; i < words; i++) {
        const char *w = vocab[rnd() % NV];
        size_t l = strlen(w);
        memcpy(text + n, w, l); n += l;
        unsigned r = rnd() % 16;
        text[n++] = r == 0 ? '.' : r == 1 ? ',' : r == 2 ? '\n' : ' ';
    }
    text[n] = 0;
    /* word frequencies */
    int freq[NV] = {0}, total = 0, lines = 0;
    char word[32];
    for (size_t i = 0; i < n;) {
        while (i < n && !isalpha((unsigned char)text[i])) { if (text[i] == '\n') lines++; i++; }
        size_t l = 0;
        while (i < n && isalpha((unsigned char)text[i])) { if (l < 31) word[l++] = (char)toupper((unsigned char)text[i]); i++; }
        if (!l) continue;
        word[l] = 0;
        total++;
        for (int k = 0; k < NV; k++) {
            char up[32];
            size_t j = 0;
            for (; vocab[k][j]; j++) up[j] = (char)toupper((unsigned char)vocab[k][j]);
            up[j] = 0;
            if (strcmp(up, word) == 0) { freq[k]++; break; }
        }
    }
    int best = 0;
    for (int k = 1; k < NV; k++) if (freq[k] > freq[best]) best = k;
    printf("text bytes=%zu words=%d lines=%d\n", n, total, lines);
    printf("most frequent: %s x%d\n", vocab[best], freq[best]);
    const char *pats[] = {"abra", "cadabra", "the quick", "wasm module", "aa"};
    for (int p = 0; p < 5; p++)
        printf("kmp '%s' = %d (naive %d)\n", pats[p], kmp_count(text, n, pats[p]), naive_count(text, n, pats[p]));
    /* rot13 twice is the identity */
    unsigned before = 0, rotated = 0, after = 0;
    for (size_t i = 0; i < n; i++) before = before * 33 + (unsigned char)text[i];
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < n; i++) {
            char c = text[i];
            if (c >= 'a' && c <= 'z') text[i] = (char)('a' + (c - 'a' + 13) % 26);
            if (round == 0) rotated = rotated * 33 + (unsigned char)text[i];
        }
    for (size_t i = 0; i < n; i++) after = after * 33 + (unsigned char)text[i];
    printf("rot13 hash=%08x restored=%d\n", rotated, before == after);
    free(text);
    return 0;
}
