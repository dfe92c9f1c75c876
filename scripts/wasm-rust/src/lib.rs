//! The Rust half of the wasm-rust worker: a `#![no_std]` library with no
//! crates, compiled to wasm32-unknown-unknown. It summarizes a text as
//! JSON (byte, character, word and line counts, a JSON-escaped preview and
//! its SHA-256) and reports word lengths, panicking on a word that is not
//! there. Strings cross in linear memory: JS writes the text into INPUT
//! and reads the answer from OUTPUT.

#![no_std]

mod sha256;

use core::fmt::{self, Write};
use sha256::sha256;

#[link(wasm_import_module = "env")]
extern "C" {
    /// Prints a UTF-8 string with console.log.
    fn log(ptr: *const u8, len: usize);
    /// Tells JS a panic's message before the module traps.
    fn panicked(ptr: *const u8, len: usize);
}

const INPUT_CAP: usize = 1 << 16;
const OUTPUT_CAP: usize = 1 << 12;

static mut INPUT: [u8; INPUT_CAP] = [0; INPUT_CAP];
static mut OUTPUT: Buf<OUTPUT_CAP> = Buf::new();

/// Where JS writes the input text.
#[no_mangle]
pub extern "C" fn input_ptr() -> *mut u8 {
    unsafe { INPUT.as_mut_ptr() }
}

/// How many bytes of input fit.
#[no_mangle]
pub extern "C" fn input_cap() -> usize {
    INPUT_CAP
}

/// Where JS reads the output from.
#[no_mangle]
pub extern "C" fn output_ptr() -> *const u8 {
    unsafe { OUTPUT.bytes.as_ptr() }
}

/// Summarizes the first len bytes of INPUT (UTF-8) as a JSON object
/// written to OUTPUT; returns its length.
#[no_mangle]
pub extern "C" fn summarize(len: usize) -> usize {
    let (text, out) = unsafe { (&INPUT[..len], &mut OUTPUT) };
    out.len = 0;
    let _ = write!(
        out,
        "{{\"bytes\":{},\"chars\":{},\"words\":{},\"lines\":{},\"preview\":\"",
        text.len(),
        chars(text),
        words(text).count(),
        lines(text)
    );
    escape_json(out, preview(text, 24));
    out.push(b"\",\"sha256\":\"");
    for b in sha256(text) {
        let _ = write!(out, "{:02x}", b);
    }
    out.push(b"\"}");
    let n = out.len;
    let mut msg = Buf::<64>::new();
    let _ = write!(msg, "summarized {} bytes", len);
    unsafe { log(msg.bytes.as_ptr(), msg.len) };
    n
}

/// Returns the length in bytes of word n (from 0) of the first len bytes
/// of INPUT. A word that is not there panics, as indexing past the end of a
/// slice does.
#[no_mangle]
pub extern "C" fn word_len(len: usize, n: usize) -> usize {
    let text = unsafe { &INPUT[..len] };
    let mut lens = [0usize; 32];
    let mut count = 0;
    for w in words(text).take(lens.len()) {
        lens[count] = w.len();
        count += 1;
    }
    lens[..count][n]
}

/// Reports the panic to JS, then traps: wasm32-unknown-unknown has no
/// unwinding, so a panic ends in `unreachable`.
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let mut msg = Buf::<256>::new();
    let _ = write!(msg, "{}", info);
    unsafe {
        panicked(msg.bytes.as_ptr(), msg.len);
        core::arch::wasm32::unreachable()
    }
}

/// chars counts UTF-8 scalar values: every byte but continuation bytes.
fn chars(text: &[u8]) -> usize {
    text.iter().filter(|&&b| b & 0xc0 != 0x80).count()
}

/// lines counts lines: newlines, plus one for text after the last.
fn lines(text: &[u8]) -> usize {
    let newlines = text.iter().filter(|&&b| b == b'\n').count();
    match text.last() {
        Some(b'\n') | None => newlines,
        Some(_) => newlines + 1,
    }
}

/// words yields the runs of bytes between ASCII whitespace.
fn words(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    text.split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
}

/// preview is at most max characters of text, cut at a character boundary.
fn preview(text: &[u8], max: usize) -> &[u8] {
    let mut seen = 0;
    for (i, &b) in text.iter().enumerate() {
        if b & 0xc0 != 0x80 {
            if seen == max {
                return &text[..i];
            }
            seen += 1;
        }
    }
    text
}

/// escape_json writes text as the inside of a JSON string.
fn escape_json<const N: usize>(out: &mut Buf<N>, text: &[u8]) {
    for &b in text {
        match b {
            b'"' => out.push(b"\\\""),
            b'\\' => out.push(b"\\\\"),
            b'\n' => out.push(b"\\n"),
            b'\r' => out.push(b"\\r"),
            b'\t' => out.push(b"\\t"),
            0..=0x1f => {
                let _ = write!(out, "\\u{:04x}", b);
            }
            _ => out.push(&[b]),
        }
    }
}

/// Buf is a fixed-size byte buffer that formats into; what does not fit
/// is dropped.
struct Buf<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Buf<N> {
    const fn new() -> Self {
        Buf {
            bytes: [0; N],
            len: 0,
        }
    }

    fn push(&mut self, s: &[u8]) {
        let n = s.len().min(N - self.len);
        self.bytes[self.len..self.len + n].copy_from_slice(&s[..n]);
        self.len += n;
    }
}

impl<const N: usize> Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push(s.as_bytes());
        Ok(())
    }
}
