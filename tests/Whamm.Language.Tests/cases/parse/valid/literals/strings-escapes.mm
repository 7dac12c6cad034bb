wasm:begin {
    var a: str = "plain";
    var b: str = "tab\tnewline\ncr\r";
    var c: str = "quote\" apostrophe\' backslash\\ nul\0";
    var d: str = "byte\x41\x7f";
    var e: str = "emoji \u{1F600} e-acute \u{e9}";
    var f: str = "";
    var g: str = "raw UTF-8: héllo — 世界";
}
