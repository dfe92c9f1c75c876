package bindings

// DecodeUTF8KeepBOM exposes the one UTF-8 decoder to the fuzz test.
var DecodeUTF8KeepBOM = decodeUTF8KeepBOM
