/* Per-site counters derived at exit from others (the instrumenter's Passes/ProbeInjection.Runs.cs): a basic block's
 * runs are the sum of the edges into it, so a counter that would be bumped where a block runs is instead computed
 * once, before the report, from the counters of the blocks around it. Records come in the order they must be computed
 * (a record may read counters derived before it). Counters are 4-byte aligned and addresses are in units of 4. A record:
 * a head byte (the number of terms in bits 0-3; bit 4: the counter's address is from 0, else from the previous
 * record's; bit 6: an amount follows, else it is 1; bit 7: a 64-bit counter, else 32-bit), the counter's address
 * (ULEB128), the amount (SLEB128), then per term the address of a counter of the same width less the record's
 * (SLEB128) and its coefficient (SLEB128). The counter is amount x the sum of coefficient x term, in the width's
 * arithmetic: counters wrap as the code that bumps them would. */
#include "core.h"

#define DERIVE_TERMS 0x0f
#define DERIVE_FROM_ZERO 0x10
#define DERIVE_AMOUNT 0x40
#define DERIVE_WIDE 0x80

EXPORT("whamm_derive")
void whamm_derive(const u8 *p, u32 count)
{
    u8 *counter = 0;
    for (u32 i = 0; i < count; i++) {
        u8 head = *p++;
        if (head & DERIVE_FROM_ZERO) counter = 0;
        counter += 4 * read_uleb(&p);
        u64 amount = head & DERIVE_AMOUNT ? (u64)(i64)(i32)read_sleb(&p) : 1;
        u64 sum = 0;
        for (u32 t = head & DERIVE_TERMS; t; t--) {
            const u8 *term = counter + 4 * read_sleb(&p);
            u64 coefficient = (u64)(i64)(i32)read_sleb(&p);
            sum += coefficient * (head & DERIVE_WIDE ? load_u64(term) : load_u32(term));
        }
        sum *= amount;
        if (head & DERIVE_WIDE) store_u64(counter, sum);
        else store_u32(counter, (u32)sum);
    }
}
