// A tiny JSON-ish tokenizer plus a recursive-descent parser that validates structure, measures
// nesting depth and sums numbers, run over generated documents.
// usage: json [DOCS]   (default 1500)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

enum Tok { T_EOF, T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK, T_COLON, T_COMMA, T_STRING, T_NUMBER, T_TRUE, T_FALSE, T_NULL, T_ERROR, T_COUNT };
static const char *tok_names[T_COUNT] = {"eof", "{", "}", "[", "]", ":", ",", "string", "number", "true", "false", "null", "error"};

typedef struct { const char *p; enum Tok tok; double num; int depth, maxdepth; long counts[T_COUNT]; double sum; } Lexer;

static void next(Lexer *L) {
    while (*L->p == ' ' || *L->p == '\n' || *L->p == '\t' || *L->p == '\r') L->p++;
    char c = *L->p;
    enum Tok t;
    switch (c) {
    case 0: t = T_EOF; break;
    case '{': t = T_LBRACE; L->p++; break;
    case '}': t = T_RBRACE; L->p++; break;
    case '[': t = T_LBRACK; L->p++; break;
    case ']': t = T_RBRACK; L->p++; break;
    case ':': t = T_COLON; L->p++; break;
    case ',': t = T_COMMA; L->p++; break;
    case '"':
        L->p++;
        while (*L->p && *L->p != '"') { if (*L->p == '\\' && L->p[1]) L->p++; L->p++; }
        if (*L->p == '"') { L->p++; t = T_STRING; } else t = T_ERROR;
        break;
    default:
        if (c == '-' || isdigit((unsigned char)c)) {
            char *end;
            L->num = strtod(L->p, &end);
            L->p = end; t = T_NUMBER;
        } else if (!strncmp(L->p, "true", 4)) { L->p += 4; t = T_TRUE; }
        else if (!strncmp(L->p, "false", 5)) { L->p += 5; t = T_FALSE; }
        else if (!strncmp(L->p, "null", 4)) { L->p += 4; t = T_NULL; }
        else { L->p++; t = T_ERROR; }
    }
    L->tok = t;
    L->counts[t]++;
}

static int value(Lexer *L);
static int expect(Lexer *L, enum Tok t) { if (L->tok != t) return 0; next(L); return 1; }
static int value(Lexer *L) {
    switch (L->tok) {
    case T_STRING: case T_TRUE: case T_FALSE: case T_NULL: next(L); return 1;
    case T_NUMBER: L->sum += L->num; next(L); return 1;
    case T_LBRACE: case T_LBRACK: {
        int obj = L->tok == T_LBRACE;
        if (++L->depth > L->maxdepth) L->maxdepth = L->depth;
        next(L);
        if (L->tok != (obj ? T_RBRACE : T_RBRACK))
            for (;;) {
                if (obj && !(expect(L, T_STRING) && expect(L, T_COLON))) return 0;
                if (!value(L)) return 0;
                if (L->tok != T_COMMA) break;
                next(L);
            }
        L->depth--;
        return expect(L, obj ? T_RBRACE : T_RBRACK);
    }
    default: return 0;
    }
}

static unsigned seed = 99;
static unsigned rnd(void) { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7fff; }

static int gen(char *out, int depth) {
    int n = 0, kind = depth > 5 ? (int)(rnd() % 4) : depth < 2 ? 4 + (int)(rnd() % 2) : (int)(rnd() % 6);
    switch (kind) {
    case 0: n += sprintf(out + n, "%d", (int)(rnd() % 2000) - 1000); break;
    case 1: n += sprintf(out + n, "%d.%02d", (int)(rnd() % 100), (int)(rnd() % 100)); break;
    case 2: n += sprintf(out + n, "\"s%u\\\"x\"", rnd() % 1000); break;
    case 3: n += sprintf(out + n, "%s", rnd() % 3 == 0 ? "true" : rnd() % 2 ? "false" : "null"); break;
    case 4: {
        int k = (int)(rnd() % 7);
        out[n++] = '[';
        for (int i = 0; i < k; i++) { if (i) out[n++] = ','; n += gen(out + n, depth + 1); }
        out[n++] = ']';
        break;
    }
    default: {
        int k = (int)(rnd() % 7);
        out[n++] = '{';
        for (int i = 0; i < k; i++) {
            if (i) out[n++] = ',';
            n += sprintf(out + n, "\n  \"k%d\": ", i);
            n += gen(out + n, depth + 1);
        }
        out[n++] = '}';
    }
    }
    out[n] = 0;
    return n;
}

int main(int argc, char **argv) {
    int docs = argc > 1 ? atoi(argv[1]) : 1500;
    if (docs <= 0) { fprintf(stderr, "bad size\n"); return 2; }
    char *buf = malloc(1 << 22); /* worst case document is about 1.3 MB */
    int valid = 0, maxdepth = 0; long bytes = 0, counts[T_COUNT] = {0}; double sum = 0;
    for (int d = 0; d < docs; d++) {
        int n = gen(buf, 0);
        if (d % 7 == 3 && n > 2) buf[n / 2] = '}'; /* corrupt some documents */
        bytes += n;
        Lexer L = {buf};
        next(&L);
        if (value(&L) && L.tok == T_EOF) { valid++; sum += L.sum; }
        if (L.maxdepth > maxdepth) maxdepth = L.maxdepth;
        for (int t = 0; t < T_COUNT; t++) counts[t] += L.counts[t];
    }
    printf("json docs=%d bytes=%ld valid=%d maxdepth=%d sum=%.2f\n", docs, bytes, valid, maxdepth, sum);
    for (int t = 1; t < T_COUNT; t++) printf("  %-6s %ld\n", tok_names[t], counts[t]);
    free(buf);
    return 0;
}
