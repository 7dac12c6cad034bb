use cfg;
wasm:opcode:call:before / @static cfg.enabled(fid as i32) == 1 && pc > @static cfg.min_pc() as u32 / {
    var limit: i32 = @static cfg.limit();
    cfg.observe(@static cfg.id(fid as i32), limit);
}
