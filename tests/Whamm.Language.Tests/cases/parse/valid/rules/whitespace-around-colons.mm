wasm : opcode : call : before { }
wasm
    :func
    :entry { }
