/* Descriptors: one char per scalar, parentheses for tuples (README.md has the table). A descriptor names one
 * value, packed little-endian without padding. Walkers here print, compare, size and name such values;
 * a malformed descriptor traps. */
#include "core.h"

typedef struct { const u8 *d, *end; } cursor;

static u8 peek(const cursor *c)
{
    if (c->d == c->end) TRAP();
    return *c->d;
}

static u8 next(cursor *c)
{
    u8 ch = peek(c);
    c->d++;
    return ch;
}

static void expect_end(const cursor *c)
{
    if (c->d != c->end) TRAP();
}

/* Inlined: the dumps of millions of map entries call these per field. */
static inline __attribute__((always_inline)) u32 scalar_size(u8 ch)
{
    switch (ch) {
    case 'B': case 'b': case 'z': return 1;
    case 'H': case 'h': return 2;
    case 'I': case 'i': case 'f': case 'm': return 4;
    case 'Q': case 'q': case 'd': case 's': return 8;
    default: TRAP();
    }
}

static inline __attribute__((always_inline)) u64 load_unsigned(u8 ch, const u8 *p)
{
    switch (scalar_size(ch)) {
    case 1: return p[0];
    case 2: return load_u16(p);
    case 4: return load_u32(p);
    default: return load_u64(p);
    }
}

static i64 load_signed(u8 ch, const u8 *p)
{
    switch (scalar_size(ch)) {
    case 1: return (i8)p[0];
    case 2: return (i16)load_u16(p);
    case 4: return (i32)load_u32(p);
    default: return (i64)load_u64(p);
    }
}

static double load_float(u8 ch, const u8 *p)
{
    if (ch == 'd') {
        double v;
        __builtin_memcpy(&v, p, 8);
        return v;
    }
    float v;
    __builtin_memcpy(&v, p, 4);
    return v;
}

static inline __attribute__((always_inline)) int is_signed(u8 ch) { return ch == 'b' || ch == 'h' || ch == 'i' || ch == 'q'; }
static int is_float(u8 ch) { return ch == 'f' || ch == 'd'; }

/* Advances past one item and returns the offset after it; records the offsets of its strings when asked. */
static u32 layout(cursor *c, u32 offset, u32 *string_offsets, u32 *strings)
{
    u8 ch = next(c);
    if (ch == '(') {
        while (peek(c) != ')') offset = layout(c, offset, string_offsets, strings);
        c->d++;
        return offset;
    }
    if (ch == 's') {
        if (string_offsets) string_offsets[*strings] = offset;
        ++*strings;
    }
    return offset + scalar_size(ch);
}

u32 desc_size(const u8 *desc, u32 len)
{
    cursor c = { desc, desc + len };
    u32 strings = 0;
    u32 size = layout(&c, 0, 0, &strings);
    expect_end(&c);
    return size;
}

u32 desc_string_offsets(const u8 *desc, u32 len, u32 *offsets)
{
    cursor c = { desc, desc + len };
    u32 strings = 0;
    layout(&c, 0, offsets, &strings);
    expect_end(&c);
    return strings;
}

static void print_item(cursor *c, const u8 **value, enum tuple_style style)
{
    u8 ch = next(c);
    if (ch == '(') {
        out_char('(');
        for (int first = 1; peek(c) != ')'; first = 0) {
            if (!first) {
                if (style == TUPLE_REPORT) OUT_LIT("; ");
                else out_char(',');
            }
            print_item(c, value, style);
        }
        c->d++;
        out_char(')');
        return;
    }
    const u8 *p = *value;
    *value += scalar_size(ch);
    if (ch == 'z') out_bool(p[0]);
    else if (ch == 's') out_bytes((const u8 *)load_u32(p), load_u32(p + 4));
    else if (ch == 'm') print_map(load_u32(p));
    else if (ch == 'f') out_f32((float)load_float(ch, p));
    else if (ch == 'd') out_f64(load_float(ch, p));
    else if (is_signed(ch)) out_i64(load_signed(ch, p));
    else out_u64(load_unsigned(ch, p));
}

void print_value(const u8 *desc, u32 len, const u8 *value, enum tuple_style style)
{
    cursor c = { desc, desc + len };
    print_item(&c, &value, style);
    expect_end(&c);
}

EXPORT("whamm_print_value")
void whamm_print_value(const u8 *desc, u32 len, const u8 *value)
{
    print_value(desc, len, value, TUPLE_REPORT);
}

static int compare_strings(const u8 *a, const u8 *b)
{
    const u8 *pa = (const u8 *)load_u32(a), *pb = (const u8 *)load_u32(b);
    u32 la = load_u32(a + 4), lb = load_u32(b + 4);
    for (u32 i = 0; i < la && i < lb; i++)
        if (pa[i] != pb[i]) return pa[i] < pb[i] ? -1 : 1;
    return la == lb ? 0 : (la < lb ? -1 : 1);
}

/* NaN sorts after every number so that the order stays total. */
static int compare_floats(double x, double y)
{
    if (x < y) return -1;
    if (x > y) return 1;
    int nx = x != x, ny = y != y;
    return nx - ny;
}

static int compare_item(cursor *c, const u8 **a, const u8 **b)
{
    u8 ch = next(c);
    if (ch == '(') {
        while (peek(c) != ')') {
            int r = compare_item(c, a, b);
            if (r) return r;
        }
        c->d++;
        return 0;
    }
    const u8 *pa = *a, *pb = *b;
    u32 size = scalar_size(ch);
    *a += size;
    *b += size;
    if (ch == 's') return compare_strings(pa, pb);
    if (is_float(ch)) return compare_floats(load_float(ch, pa), load_float(ch, pb));
    if (is_signed(ch)) {
        i64 x = load_signed(ch, pa), y = load_signed(ch, pb);
        return x < y ? -1 : x > y;
    }
    u64 x = load_unsigned(ch, pa), y = load_unsigned(ch, pb);
    return x < y ? -1 : x > y;
}

int compare_values(const u8 *desc, u32 len, const u8 *a, const u8 *b)
{
    cursor c = { desc, desc + len };
    return compare_item(&c, &a, &b);
}

/* Appends the scalars of one item to plan; 0 when one is a string or float or they exceed 64 bits in all. */
static u32 order_fields(cursor *c, u8 *plan, u32 *fields, u32 bits)
{
    u8 ch = next(c);
    if (ch == '(') {
        while (peek(c) != ')')
            if (!(bits = order_fields(c, plan, fields, bits))) return 0;
        c->d++;
        return bits;
    }
    bits += 8 * scalar_size(ch);
    if (ch == 's' || is_float(ch) || bits > 64 + 1) return 0;
    plan[(*fields)++] = ch;
    return bits;
}

u32 desc_order_plan(const u8 *desc, u32 len, u8 *plan)
{
    cursor c = { desc, desc + len };
    u32 fields = 0;
    /* bits start at 1 so that a failure (0) is told apart from an empty tuple */
    return order_fields(&c, plan, &fields, 1) && c.d == c.end ? fields : 0;
}

u64 order_key(const u8 *plan, u32 fields, const u8 *value)
{
    u64 key = 0;
    for (u32 i = 0; i < fields; i++) {
        u8 ch = plan[i];
        u32 size = scalar_size(ch);
        u64 v = load_unsigned(ch, value);
        if (is_signed(ch)) v ^= 1ull << (8 * size - 1);
        key = size == 8 ? v : key << (8 * size) | v;
        value += size;
    }
    return key;
}

void order_unpack(const u8 *plan, u32 fields, u64 key, u8 *value)
{
    u32 at = 0;
    for (u32 i = 0; i < fields; i++) at += scalar_size(plan[i]);
    for (u32 i = fields; i-- > 0;) {
        u8 ch = plan[i];
        u32 size = scalar_size(ch);
        u64 v = size == 8 ? key : key & ((1ull << (8 * size)) - 1);
        if (is_signed(ch)) v ^= 1ull << (8 * size - 1);
        key = size == 8 ? 0 : key >> (8 * size);
        at -= size;
        for (u32 b = 0; b < size; b++) value[at + b] = (u8)(v >> (8 * b));
    }
}

/* Whether put_scalar_bits prints this scalar: an integer or a bool. */
int desc_integer(u8 ch) { return ch == 'z' || ch == 'B' || ch == 'b' || ch == 'H' || ch == 'h' || ch == 'I' || ch == 'i' || ch == 'Q' || ch == 'q'; }

u8 *put_scalar_bits(u8 *q, u8 ch, u64 bits)
{
    u32 shift = 64 - 8 * scalar_size(ch);
    bits = bits << shift >> shift;
    if (ch == 'z') return bits ? PUT_LIT(q, "true") : PUT_LIT(q, "false");
    return is_signed(ch) ? put_i64(q, (i64)(bits << shift) >> shift) : put_u64(q, bits);
}

/* The first field's digits from the cache when it holds the same value or one less by under 10 (a sorted dump's keys
 * mostly are: a memory trace prints each address read and written, then the next), else formatted and cached. */
u8 *put_cached_u64(u8 *q, u64 v, digit_cache *c)
{
    if (c->len && v >= c->value && v - c->value < 10) {
        u32 i = c->len - 1, carry = (u32)(v - c->value);
        for (; carry; i--) {
            u32 d = c->digits[i] - '0' + carry;
            c->digits[i] = (u8)('0' + d % 10);
            carry = d / 10;
            if (carry && i == 0) break;
        }
        if (!carry) {
            c->value = v;
            return put_bytes(q, c->digits, c->len);
        }
    }
    u8 *end = put_u64(q, v);
    c->len = (u32)(end - q);
    c->value = v;
    put_bytes(c->digits, q, c->len);
    return end;
}

u8 *put_order_key(u8 *q, const u8 *plan, u32 fields, int tuple, u64 key, digit_cache *cache)
{
    u64 parts[8];
    for (u32 i = fields; i-- > 0;) {
        u32 size = scalar_size(plan[i]);
        u64 v = size == 8 ? key : key & ((1ull << (8 * size)) - 1);
        parts[i] = is_signed(plan[i]) ? v ^ 1ull << (8 * size - 1) : v;
        key = size == 8 ? 0 : key >> (8 * size);
    }
    if (tuple) *q++ = '(';
    for (u32 i = 0; i < fields; i++) {
        if (i) *q++ = ',';
        q = i == 0 && plan[0] != 'z' && !is_signed(plan[0]) ? put_cached_u64(q, parts[0], cache) : put_scalar_bits(q, plan[i], parts[i]);
    }
    if (tuple) *q++ = ')';
    return q;
}

static const char *scalar_name(u8 ch)
{
    switch (ch) {
    case 'B': return "u8";
    case 'b': return "i8";
    case 'H': return "u16";
    case 'h': return "i16";
    case 'I': return "u32";
    case 'i': return "i32";
    case 'Q': return "u64";
    case 'q': return "i64";
    case 'f': return "f32";
    case 'd': return "f64";
    case 'z': return "bool";
    case 's': return "str";
    case 'm': return "map";
    default: TRAP();
    }
}

static void print_type_item(cursor *c)
{
    u8 ch = next(c);
    if (ch == '(') {
        out_char('(');
        for (int first = 1; peek(c) != ')'; first = 0) {
            if (!first) out_char(',');
            print_type_item(c);
        }
        c->d++;
        out_char(')');
        return;
    }
    for (const char *n = scalar_name(ch); *n; n++) out_char((u8)*n);
}

void print_type_name(const u8 *desc, u32 len)
{
    cursor c = { desc, desc + len };
    print_type_item(&c);
    expect_end(&c);
}
