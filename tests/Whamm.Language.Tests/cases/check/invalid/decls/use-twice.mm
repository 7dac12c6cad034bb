use testlib;
use testlib;
wasm:begin { }
