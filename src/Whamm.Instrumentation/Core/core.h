/* Shared declarations of the whamm core library: freestanding C (no libc) for wasm32.
 * Every exported function is marked EXPORT with its Wasm export name; everything else is internal. */
#ifndef WHAMM_CORE_H
#define WHAMM_CORE_H

typedef unsigned char u8;
typedef signed char i8;
typedef unsigned short u16;
typedef short i16;
typedef unsigned int u32;
typedef int i32;
typedef unsigned long long u64;
typedef long long i64;

#define EXPORT(name) __attribute__((export_name(name)))
/* A broken contract (bad map id, malformed descriptor, out of memory) is the instrumenter's bug: trap at once. */
#define TRAP() __builtin_trap()

/* Unaligned little-endian access to packed values. */
static inline u32 load_u32(const u8 *p) { u32 v; __builtin_memcpy(&v, p, 4); return v; }
static inline u64 load_u64(const u8 *p) { u64 v; __builtin_memcpy(&v, p, 8); return v; }
static inline u16 load_u16(const u8 *p) { u16 v; __builtin_memcpy(&v, p, 2); return v; }
static inline void store_u16(u8 *p, u16 v) { __builtin_memcpy(p, &v, 2); }
static inline void store_u32(u8 *p, u32 v) { __builtin_memcpy(p, &v, 4); }
static inline void store_u64(u8 *p, u64 v) { __builtin_memcpy(p, &v, 8); }
static inline u32 align_up(u32 n, u32 a) { return (n + a - 1) & ~(a - 1); }

/* Copies n bytes to q (no overlap) and returns q + n; report rows append many short pieces, and memory.copy is a
 * call into the engine, dearer than a few moves. Words overlap at the end: nothing read or written past a piece. */
static inline u8 *put_bytes(u8 *q, const u8 *p, u32 n)
{
    if (n > 64) {
        __builtin_memcpy(q, p, n);
    } else if (n >= 8) {
        u32 last = n - 8;
        for (u32 i = 0; i < last; i += 8) store_u64(q + i, load_u64(p + i));
        store_u64(q + last, load_u64(p + last));
    } else if (n >= 4) {
        store_u32(q, load_u32(p));
        store_u32(q + n - 4, load_u32(p + n - 4));
    } else if (n) {
        q[0] = p[0];
        q[n >> 1] = p[n >> 1];
        q[n - 1] = p[n - 1];
    }
    return q + n;
}
#define PUT_LIT(q, s) put_bytes(q, (const u8 *)(s), sizeof(s) - 1)

/* alloc.c */
u8 *mem_alloc(u32 len);
void mem_free(u8 *ptr);

/* output.c. out_reserve(n), n <= OUT_CAP, returns where n bytes may be written; out_commit takes what was written
 * up to end. The put_ functions write at q and return the end: a report row is formatted without a call per piece.
 * The row appends are inline: millions of rows, and every call reloads the instrumentation memory's base.
 * 8 KiB: a WASI host's fd_write costs per call too (Wasmtime: ~0.4 us besides copying the bytes), and each page of a
 * fresh instance's memory a fault when first touched: larger buffers slowed reports of a few hundred KB. */
#define OUT_CAP 8192
extern u8 out_buf[OUT_CAP];
extern u32 out_len;
extern const u8 digit_pairs[200];     /* "00" to "99" */
extern const u32 powers_of_ten[10];
void whamm_flush(void);
u8 *put_text_flushing(u8 *q, const u8 *p, u32 n, u32 after);
u8 *put_u64_wide(u8 *q, u64 v); /* v >= 2^32 */

#define ALWAYS_INLINE static inline __attribute__((always_inline))

ALWAYS_INLINE u8 *out_reserve(u32 n)
{
    if (n > OUT_CAP - out_len) whamm_flush();
    return out_buf + out_len;
}

ALWAYS_INLINE void out_commit(const u8 *end) { out_len = (u32)(end - out_buf); }

/* Any length; then room for `after` more. */
ALWAYS_INLINE u8 *put_text(u8 *q, const u8 *p, u32 n, u32 after)
{
    if (n + after <= OUT_CAP - (u32)(q - out_buf)) return put_bytes(q, p, n);
    return put_text_flushing(q, p, n, after);
}

/* The digits of w (at least one): the bit length gives the count or one less; 1233 / 4096 ~ log10(2). */
ALWAYS_INLINE u32 decimal_digits(u32 w)
{
    w |= 1;
    u32 d = (u32)(32 - __builtin_clz(w)) * 1233 >> 12;
    return d + (w >= powers_of_ten[d]);
}

/* w in exactly n digits (leading zeros), written backwards in place two at a time from the table of pairs; w / 100
 * by multiplying (exact for every u32: engines compile a division by a constant as a division). */
ALWAYS_INLINE u8 *put_digits(u8 *q, u32 w, u32 n)
{
    u8 *e = q + n;
    while (e - q >= 2) {
        u32 hundredth = (u32)(((u64)w * 0x51EB851Fu) >> 37);
        u32 r = w - hundredth * 100;
        e -= 2;
        store_u16(e, load_u16(digit_pairs + 2 * r));
        w = hundredth;
    }
    if (e != q) *--e = (u8)('0' + w);
    return q + n;
}

ALWAYS_INLINE u8 *put_u64(u8 *q, u64 v)
{
    if (v >> 32) return put_u64_wide(q, v);
    return put_digits(q, (u32)v, decimal_digits((u32)v));
}

ALWAYS_INLINE u8 *put_i64(u8 *q, i64 v)
{
    if (v >= 0) return put_u64(q, (u64)v);
    *q++ = '-';
    return put_u64(q, 0 - (u64)v); /* also right for INT64_MIN */
}

/* leb.c. A LEB128 of two or more bytes at p: its low 32 bits, its length in bits 32-39, and in bit 40 whether it is
 * negative read as signed (its last byte's sign bit below bit 32). Returned whole so that a table loop's pointer
 * stays in a register: a pointer to it put it in memory, stored and reloaded at every field. */
__attribute__((noinline)) u64 read_leb(const u8 *p);

ALWAYS_INLINE u32 read_uleb(const u8 **p)
{
    if (**p < 0x80) return *(*p)++; /* one byte: most fields and deltas */
    u64 r = read_leb(*p);
    *p += (u8)(r >> 32);
    return (u32)r;
}

/* A signed LEB128 as the u32 of its two's complement, so that adding it to a u32 wraps like the encoder's subtraction. */
ALWAYS_INLINE u32 read_sleb(const u8 **p)
{
    u8 b = **p;
    if (b < 0x80) {
        (*p)++;
        return b & 0x40 ? b | ~0x7fu : b;
    }
    u64 r = read_leb(*p);
    u32 n = (u8)(r >> 32);
    *p += n;
    return (u32)r | (r >> 40 & 1 ? ~0u << (7 * n) : 0);
}

u8 *put_bool(u8 *q, u32 v); /* true or false */
void out_bytes(const u8 *p, u32 n);
void out_char(u8 c);
void out_u64(u64 v);
void out_i64(i64 v);
void out_bool(u32 v);
#define OUT_LIT(s) out_bytes((const u8 *)(s), sizeof(s) - 1)

/* float_format.c */
void out_f64(double v);
void out_f32(float v);

/* value.c: descriptors (one char per scalar, parentheses for tuples; see README.md) */
enum tuple_style { TUPLE_REPORT, TUPLE_MAP }; /* "(a; b)" in report rows, "(a,b)" inside map dumps */
u32 desc_size(const u8 *desc, u32 len);
void print_value(const u8 *desc, u32 len, const u8 *value, enum tuple_style style);
int compare_values(const u8 *desc, u32 len, const u8 *a, const u8 *b);
void print_type_name(const u8 *desc, u32 len);
u32 desc_string_offsets(const u8 *desc, u32 len, u32 *offsets);
/* Values whose scalars are integers and bools of at most 64 bits in all sort as one u64 (order_key): their
 * fields most significant first, sign bits flipped. The plan is the scalar chars (at most 8); 0: they do not. */
u32 desc_order_plan(const u8 *desc, u32 len, u8 *plan);
u64 order_key(const u8 *plan, u32 fields, const u8 *value);
void order_unpack(const u8 *plan, u32 fields, u64 key, u8 *value); /* the inverse of order_key */
/* Dumps without descriptors, for maps of millions of entries: an integer or bool scalar held in the low bytes of bits
 * (desc_integer says which scalars), and an order key of such fields, in parentheses when it is a tuple. */
int desc_integer(u8 ch);
u8 *put_scalar_bits(u8 *q, u8 ch, u64 bits);
typedef struct { u64 value; u32 len; u8 digits[20]; } digit_cache; /* the last first field printed (len 0: none) */
u8 *put_order_key(u8 *q, const u8 *plan, u32 fields, int tuple, u64 key, digit_cache *cache);
/* v from the cache when it holds v or up to 9 less, else formatted and cached. */
u8 *put_cached_u64(u8 *q, u64 v, digit_cache *c);

/* map_print.c */
void print_map(u32 id);

#endif
