var where: u32 = fid;
wasm:begin { }
