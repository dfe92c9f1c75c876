// The JS half of index.wasm, in the layout wasm-bindgen 0.2.100 gives a
// bundler-target `index_bg.js` for a crate built with reference types:
// module-level caches of memory views, strings passed through linear
// memory, an externref table the Wasm owns, closures that call back into
// the Wasm through exported shims, and one exported function per import,
// under the names wasm-bindgen gives them. Written for this example.

let wasm;
export function __wbg_set_wasm(exports) {
    wasm = exports;
}

// ---- views of linear memory, refreshed after memory.grow ----

let bytesView = null;

// memoryBytes is a Uint8Array over all of memory. memory.grow detaches the
// old buffer, and a view of a detached buffer has byteLength 0.
function memoryBytes() {
    if (bytesView === null || bytesView.byteLength === 0) {
        bytesView = new Uint8Array(wasm.memory.buffer);
    }
    return bytesView;
}

let dataView = null;

// memoryData is a DataView over all of memory, for results written at a
// return pointer.
function memoryData() {
    const stale = dataView === null
        || dataView.buffer.detached === true
        || (dataView.buffer.detached === undefined && dataView.buffer !== wasm.memory.buffer);
    if (stale) {
        dataView = new DataView(wasm.memory.buffer);
    }
    return dataView;
}

// ---- strings: UTF-8 in linear memory ----

const encoder = new TextEncoder('utf-8');

const encodeInto = typeof encoder.encodeInto === 'function'
    ? (text, view) => encoder.encodeInto(text, view)
    : (text, view) => {
        const bytes = encoder.encode(text);
        view.set(bytes);
        return { read: text.length, written: bytes.length };
    };

// passedLength is the byte length of the string passString last passed.
let passedLength = 0;

// passString copies text into memory the Wasm allocates and returns the
// pointer. Leading ASCII is stored a byte at a time; at the first other
// character the allocation grows to room for three bytes per remaining
// UTF-16 unit, the rest is encoded into it, and it shrinks to fit.
function passString(text, malloc, realloc) {
    if (realloc === undefined) {
        const bytes = encoder.encode(text);
        const ptr = malloc(bytes.length, 1) >>> 0;
        memoryBytes().subarray(ptr, ptr + bytes.length).set(bytes);
        passedLength = bytes.length;
        return ptr;
    }
    let size = text.length;
    let ptr = malloc(size, 1) >>> 0;
    const mem = memoryBytes();
    let done = 0;
    while (done < size) {
        const unit = text.charCodeAt(done);
        if (unit > 0x7f) break;
        mem[ptr + done] = unit;
        done++;
    }
    if (done !== size) {
        const rest = done === 0 ? text : text.slice(done);
        const grown = done + rest.length * 3;
        ptr = realloc(ptr, size, grown, 1) >>> 0;
        size = grown;
        done += encodeInto(rest, memoryBytes().subarray(ptr + done, ptr + size)).written;
        ptr = realloc(ptr, size, done, 1) >>> 0;
    }
    passedLength = done;
    return ptr;
}

// returnString writes an Option<String> result at retptr: pointer, then
// length; pointer 0 for None.
function returnString(retptr, value) {
    const ptr = isNullish(value) ? 0 : passString(value, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
    const len = passedLength;
    memoryData().setInt32(retptr + 4, len, true);
    memoryData().setInt32(retptr, ptr, true);
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
decoder.decode();

function readString(ptr, len) {
    ptr = ptr >>> 0;
    return decoder.decode(memoryBytes().subarray(ptr, ptr + len));
}

function isNullish(x) {
    return x === undefined || x === null;
}

// ---- JS values the Wasm holds, and exceptions ----

// keep puts value in a slot of the Wasm's externref table.
function keep(value) {
    const slot = wasm.__externref_table_alloc();
    wasm.__wbindgen_export_2.set(slot, value);
    return slot;
}

// catching runs an import the Rust side declared `catch`: what it throws
// is handed to the Wasm instead of unwinding through it.
function catching(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        wasm.__wbindgen_exn_store(keep(e));
    }
}

// ---- closures ----

// Entry 1 of the exported function table destroys a closure's state.
const closureFinalizer = typeof FinalizationRegistry === 'undefined'
    ? { register() {}, unregister() {} }
    : new FinalizationRegistry(state => {
        wasm.__wbindgen_export_5.get(state.dtor)(state.a, state.b);
    });

// mutClosure wraps a Rust FnMut (data pointer a, vtable b) as a JS
// function. While a call runs, state.a is 0, so a re-entrant call reaches
// the Wasm with a null pointer and is refused there. refs counts the Rust
// handle plus running calls; a call that ends with refs at 0 (the handle
// was dropped while it ran) destroys the closure.
function mutClosure(a, b, dtor, invoke) {
    const state = { a, b, refs: 1, dtor };
    const fn = (...args) => {
        state.refs++;
        const data = state.a;
        state.a = 0;
        try {
            return invoke(data, state.b, ...args);
        } finally {
            if (--state.refs === 0) {
                wasm.__wbindgen_export_5.get(state.dtor)(data, state.b);
                closureFinalizer.unregister(state);
            } else {
                state.a = data;
            }
        }
    };
    fn.original = state;
    closureFinalizer.register(fn, state, state);
    return fn;
}

function invokeClosure1(a, b, arg) {
    wasm.closure12_externref_shim(a, b, arg);
}

function invokeClosure2(a, b, arg1, arg2) {
    wasm.closure7_externref_shim(a, b, arg1, arg2);
}

// ---- exports of the crate ----

/**
 * @param {Request} req
 * @param {any} env
 * @param {any} ctx
 * @returns {Promise<Response>}
 */
export function fetch(req, env, ctx) {
    return wasm.fetch(req, env, ctx);
}

// ---- imports of the Wasm ----

export function __wbindgen_init_externref_table() {
    const table = wasm.__wbindgen_export_2;
    const offset = table.grow(4);
    table.set(0, undefined);
    table.set(offset + 0, undefined);
    table.set(offset + 1, null);
    table.set(offset + 2, true);
    table.set(offset + 3, false);
}

export function __wbg_method_16fb85d88991bd24(arg0, arg1) {
    returnString(arg0, arg1.method);
}

export function __wbg_url_a7defb546f76aff7(arg0, arg1) {
    returnString(arg0, arg1.url);
}

export function __wbg_headers_e95e273b6ba37b90(arg0) {
    return arg0.headers;
}

export function __wbg_get_779f1eef2b962091() { return catching(function (arg0, arg1, arg2, arg3) {
    returnString(arg0, arg1.get(readString(arg2, arg3)));
}, arguments); }

export function __wbg_get_4738c7971ecc28cf() { return catching(function (arg0, arg1) {
    return Reflect.get(arg0, arg1);
}, arguments); }

export function __wbindgen_string_new(arg0, arg1) {
    return readString(arg0, arg1);
}

export function __wbindgen_string_get(arg0, arg1) {
    returnString(arg0, typeof arg1 === 'string' ? arg1 : undefined);
}

export function __wbg_arrayBuffer_0e3d8ee29d205e46() { return catching(function (arg0) {
    return arg0.arrayBuffer();
}, arguments); }

export function __wbg_then_59fc8d2d3e8d0efe(arg0, arg1, arg2) {
    return arg0.then(arg1, arg2);
}

export function __wbg_queueMicrotask_5b13fad041412bd1(arg0) {
    queueMicrotask(arg0);
}

// new Promise(executor), the executor being a Rust closure the Wasm lends
// for the length of this call only.
export function __wbg_new_082aa14d46cc419e(arg0, arg1) {
    const borrowed = { a: arg0, b: arg1 };
    try {
        return new Promise((resolve, reject) => {
            const data = borrowed.a;
            borrowed.a = 0;
            try {
                return invokeClosure2(data, borrowed.b, resolve, reject);
            } finally {
                borrowed.a = data;
            }
        });
    } finally {
        borrowed.a = borrowed.b = 0;
    }
}

export function __wbg_call_83a188b0caf5a964() { return catching(function (arg0, arg1, arg2) {
    return arg0.call(arg1, arg2);
}, arguments); }

export function __wbindgen_closure_wrapper2941(arg0, arg1, arg2) {
    return mutClosure(arg0, arg1, 1, invokeClosure1);
}

// The Rust handle of a closure is dropped: true when no call is running,
// and the Wasm frees the state itself.
export function __wbindgen_cb_drop(arg0) {
    const state = arg0.original;
    if (state.refs-- === 1) {
        state.a = 0;
        return true;
    }
    return false;
}

export function __wbg_new_42f1b090dbda6e57(arg0) {
    return new Uint8Array(arg0);
}

export function __wbg_length_776282199ec0c4a3(arg0) {
    return arg0.length;
}

export function __wbindgen_memory() {
    return wasm.memory;
}

export function __wbg_buffer_e5ff53b527aca577(arg0) {
    return arg0.buffer;
}

export function __wbg_newwithbyteoffsetandlength_22c0abba249b03be(arg0, arg1, arg2) {
    return new Uint8Array(arg0, arg1 >>> 0, arg2 >>> 0);
}

export function __wbg_set_d253af19b8724baf(arg0, arg1, arg2) {
    arg0.set(arg1, arg2 >>> 0);
}

export function __wbindgen_bigint_from_u64(arg0) {
    return BigInt.asUintN(64, arg0);
}

export function __wbg_String_89eba9c059c6416b(arg0, arg1) {
    returnString(arg0, String(arg1));
}

export function __wbg_new_1597798897e66719() { return catching(function () {
    return new Headers();
}, arguments); }

export function __wbg_set_009c26c0de31f1a5() { return catching(function (arg0, arg1, arg2, arg3, arg4) {
    arg0.set(readString(arg1, arg2), readString(arg3, arg4));
}, arguments); }

export function __wbg_new_f704945ce5cab112() {
    return new Object();
}

export function __wbg_set_6e6e9ca6b51214e0() { return catching(function (arg0, arg1, arg2) {
    return Reflect.set(arg0, arg1, arg2);
}, arguments); }

export function __wbindgen_number_new(arg0) {
    return arg0;
}

export function __wbg_newwithoptstrandinit_108938e251e7b894() { return catching(function (arg0, arg1, arg2) {
    return new Response(arg0 === 0 ? undefined : readString(arg0, arg1), arg2);
}, arguments); }

export function __wbg_new_8bfc6d507ba38141() { return catching(function () {
    return new WebSocketPair();
}, arguments); }

export function __wbg_0_92c898a433a58c7e(arg0) {
    return arg0[0];
}

export function __wbg_1_0dd923a487866a77(arg0) {
    return arg0[1];
}

export function __wbg_accept_a25aa22c2f33c317() { return catching(function (arg0) {
    arg0.accept();
}, arguments); }

export function __wbg_addEventListener_f50a7068920d01f8() { return catching(function (arg0, arg1, arg2, arg3) {
    arg0.addEventListener(readString(arg1, arg2), arg3);
}, arguments); }

export function __wbg_removeEventListener_0d85c497d3a33573() { return catching(function (arg0, arg1, arg2, arg3) {
    arg0.removeEventListener(readString(arg1, arg2), arg3);
}, arguments); }

export function __wbg_data_72344e400b52b231(arg0) {
    return arg0.data;
}

export function __wbg_instanceof_ArrayBuffer_cab37bb7cea82286(arg0) {
    try {
        return arg0 instanceof ArrayBuffer;
    } catch {
        return false;
    }
}

export function __wbg_send_b91148debab8e25e() { return catching(function (arg0, arg1, arg2) {
    arg0.send(readString(arg1, arg2));
}, arguments); }

export function __wbg_close_b7094b1dd5c47673() { return catching(function (arg0, arg1, arg2, arg3) {
    arg0.close(arg1, readString(arg2, arg3));
}, arguments); }

export function __wbg_code_409305a839f7c487(arg0) {
    return arg0.code;
}

export function __wbg_reason_e7d561d60fe5d59e(arg0, arg1) {
    returnString(arg0, arg1.reason);
}

export function __wbg_log_4fd428fb380779d9(arg0) {
    console.log(arg0);
}

export function __wbg_new_ce13b2bccecc514a() {
    return new Error();
}

export function __wbg_stack_2b27bc6950fb739d(arg0, arg1) {
    returnString(arg0, arg1.stack);
}

// console.error of a message the Wasm hands over (and this frees).
export function __wbg_error_cc3cd8bff8f45288(arg0, arg1) {
    try {
        console.error(readString(arg0, arg1));
    } finally {
        wasm.__wbindgen_free(arg0, arg1, 1);
    }
}

export function __wbindgen_throw(arg0, arg1) {
    throw new Error(readString(arg0, arg1));
}
