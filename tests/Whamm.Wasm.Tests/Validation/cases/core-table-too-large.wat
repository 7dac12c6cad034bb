;; expect: invalid
;; kind: malformed
;; message: integer too large
;; oracle: no-offset
;; Wasmtime reads the limit as u64 and says "table size must be at most 0xffffffff entries";
;; our reader rejects the u32 LEB already.
(module (table 0x100000000 funcref))
