;; Exports a function over anyref, which the Wasmtime .NET binding cannot represent.
(module (func (export "f") (param anyref)))
