use mystery;
wasm:begin { mystery.go(); }
