var small: u32; var medium: u32; var large: u32;
wasm:opcode:memory.grow:before {
    if (arg0 < 4) { small++; }
    elif (arg0 < 64) { medium++; }
    elif (arg0 < 1024) { large++; }
    else { large = large + 2; }
}
