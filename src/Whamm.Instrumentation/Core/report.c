/* The Whamm CSV report flush. The instrumenter preformats each row up to its value (see README.md). */
#include "core.h"

#define ENTRY_SIZE 20 /* prefix_ptr, prefix_len, desc_ptr, desc_len, value_ptr: i32 each */

EXPORT("whamm_report")
void whamm_report(const u8 *table, u32 count)
{
    OUT_LIT("\n================================= REPORT CSV FLUSH ====================================\n"
            "id, id_type, name, whamm_type, wasm_type, script_id, fname, fid, pc, probe_id, value(s)\n");
    for (u32 i = 0; i < count; i++) {
        const u8 *e = table + i * ENTRY_SIZE;
        out_bytes((const u8 *)load_u32(e), load_u32(e + 4));
        print_value((const u8 *)load_u32(e + 8), load_u32(e + 12), (const u8 *)load_u32(e + 16), TUPLE_REPORT);
        out_char('\n');
    }
    whamm_flush();
}
