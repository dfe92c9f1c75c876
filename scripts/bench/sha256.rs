//! The Wasm half of the benchmark's wasm-sha256.js: a `#![no_std]` library
//! with no crates, compiled to wasm32-unknown-unknown, that hashes a buffer
//! JS fills many times over, so a request's time is mostly Wasm's. The
//! SHA-256 is the wasm-rust example's (scripts/wasm-rust/src/sha256.rs).

#![no_std]

#[path = "../wasm-rust/src/sha256.rs"]
mod sha256;

const BUF_CAP: usize = 1 << 16;

static mut BUF: [u8; BUF_CAP] = [0; BUF_CAP];
static mut HEX: [u8; 64] = [0; 64];

/// Where JS writes the bytes to hash.
#[no_mangle]
pub extern "C" fn buf_ptr() -> *mut u8 {
    unsafe { BUF.as_mut_ptr() }
}

/// How many bytes fit.
#[no_mangle]
pub extern "C" fn buf_cap() -> usize {
    BUF_CAP
}

/// Hashes the first len bytes of the buffer rounds times (at least once),
/// each round after writing the previous digest over the buffer's first
/// bytes, and returns where the last digest is, as 64 lowercase hex
/// digits. A len over the capacity traps.
#[no_mangle]
pub extern "C" fn sha256_rounds(len: usize, rounds: u32) -> *const u8 {
    let (buf, hex) = unsafe { (&mut BUF[..len], &mut HEX) };
    let mut digest = sha256::sha256(buf);
    for _ in 1..rounds {
        let n = buf.len().min(digest.len());
        buf[..n].copy_from_slice(&digest[..n]);
        digest = sha256::sha256(buf);
    }
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for (i, b) in digest.iter().enumerate() {
        hex[i * 2] = DIGITS[(b >> 4) as usize];
        hex[i * 2 + 1] = DIGITS[(b & 15) as usize];
    }
    hex.as_ptr()
}

/// wasm32-unknown-unknown has no unwinding: a panic (a len over the
/// capacity) traps.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
