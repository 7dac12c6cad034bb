use testlib;
wasm:begin { testlib = 1; }
