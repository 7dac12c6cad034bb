/* LEB128s of the tables the instrumenter lays out (report rows, derived counters). */
#include "core.h"

u64 read_leb(const u8 *p)
{
    u32 v = 0, s = 0, n = 0;
    u8 b;
    do {
        b = p[n++];
        if (s < 32) v |= (u32)(b & 0x7f) << s;
        s += 7;
    } while (b & 0x80);
    u64 negative = s < 32 && (b & 0x40) ? 1 : 0;
    return v | (u64)n << 32 | negative << 40;
}
