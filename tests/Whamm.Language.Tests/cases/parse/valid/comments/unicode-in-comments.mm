// Überwachung — モニター — 监视器 🎯
/* ✓ nested /* ✗ */ ✓ */
wasm:begin { }
