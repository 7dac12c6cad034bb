/* Output: every printer appends to one buffer, written with WASI fd_write when it is full and on whamm_flush.
 * The exported printers match whamm 1.0's core library (no newline added). */
#include "core.h"

typedef struct { u32 buf; u32 len; } iovec;

__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")))
u32 wasi_fd_write(i32 fd, const iovec *iovs, u32 iovs_len, u32 *written);

u8 out_buf[OUT_CAP];
u32 out_len;
static i32 out_fd = 1;

/* Writes everything, retrying short writes; a failing fd drops the output, as there is nowhere to report it. */
static void write_fd(const u8 *p, u32 n)
{
    while (n) {
        iovec v = { (u32)p, n };
        u32 written = 0;
        if (wasi_fd_write(out_fd, &v, 1, &written) != 0 || written == 0 || written > n) return;
        p += written;
        n -= written;
    }
}

EXPORT("whamm_flush")
void whamm_flush(void)
{
    write_fd(out_buf, out_len);
    out_len = 0;
}

EXPORT("whamm_set_out_fd")
void whamm_set_out_fd(i32 fd)
{
    whamm_flush();
    out_fd = fd;
}

u8 *put_text_flushing(u8 *q, const u8 *p, u32 n, u32 after)
{
    out_commit(q);
    out_bytes(p, n);
    return out_reserve(after);
}

void out_bytes(const u8 *p, u32 n)
{
    if (n > OUT_CAP) {
        whamm_flush();
        write_fd(p, n);
        return;
    }
    out_commit(put_bytes(out_reserve(n), p, n));
}

void out_char(u8 c)
{
    if (out_len == OUT_CAP) whamm_flush();
    out_buf[out_len++] = c;
}

const u8 digit_pairs[200] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
const u32 powers_of_ten[10] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000 };

u8 *put_u64_wide(u8 *q, u64 v)
{
    return put_digits(put_u64(q, v / 1000000000), (u32)(v % 1000000000), 9);
}

void out_u64(u64 v) { out_commit(put_u64(out_reserve(20), v)); }

void out_i64(i64 v) { out_commit(put_i64(out_reserve(21), v)); }

u8 *put_bool(u8 *q, u32 v) { return v ? PUT_LIT(q, "true") : PUT_LIT(q, "false"); }

void out_bool(u32 v) { out_commit(put_bool(out_reserve(5), v)); }

EXPORT("putc") void whamm_putc(i32 c) { out_char((u8)c); }
EXPORT("puts") void whamm_puts(const u8 *p, u32 len) { out_bytes(p, len); }
EXPORT("putu8") void putu8(i32 v) { out_u64((u8)v); }
EXPORT("puti8") void puti8(i32 v) { out_i64((i8)v); }
EXPORT("putu16") void putu16(i32 v) { out_u64((u16)v); }
EXPORT("puti16") void puti16(i32 v) { out_i64((i16)v); }
EXPORT("putu32") void putu32(i32 v) { out_u64((u32)v); }
EXPORT("puti32") void puti32(i32 v) { out_i64(v); }
EXPORT("putu64") void putu64(i64 v) { out_u64((u64)v); }
EXPORT("puti64") void puti64(i64 v) { out_i64(v); }
EXPORT("putbool") void putbool(i32 v) { out_bool((u32)v); }
