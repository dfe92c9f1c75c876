;; A hand-written stand-in for what `worker-build` makes of a workers-rs
;; crate: the WebSockets guide's server plus a few HTTP routes, with the ABI
;; wasm-bindgen 0.2.100 gives a crate built with reference types on. It is
;; driven by index_bg.js (the glue) and shim.mjs (the entry point) beside it.
;;
;; What mirrors the real thing:
;; - imports come from the module "./index_bg.js", named `__wbg_<name>_<hash>`
;;   and `__wbindgen_*` as wasm-bindgen names them;
;; - JS values cross as externref and are kept in an exported externref
;;   table, grown by 4 and filled with undefined, null, true, false at start
;;   (indexes 128..131 are JsValue::UNDEFINED, NULL, TRUE, FALSE), with slots
;;   handed out by __externref_table_alloc (which the glue also calls);
;; - strings cross through linear memory: the glue writes them with
;;   __wbindgen_malloc / __wbindgen_realloc and reads ours with TextDecoder;
;;   results that are strings come back through a return pointer on a
;;   shadow stack below 1 MiB;
;; - an import that may throw has the glue store the exception in the table
;;   and call __wbindgen_exn_store, which this module checks after the call;
;; - `fetch` returns a Promise made from a stack closure (the executor), and
;;   the work runs in a queueMicrotask callback, as wasm-bindgen-futures does;
;;   awaiting a promise registers two heap closures with `then`;
;; - a heap closure is a (data pointer, vtable pointer) pair: the vtable holds
;;   [drop_in_place, size, align, call] as function-table indexes, the glue
;;   invokes it through closure12_externref_shim and destroys it through the
;;   exported funcref table (index 1, the destructor), from its
;;   FinalizationRegistry or when a closure is dropped while it runs;
;; - a panic formats its message with a JS Error's stack, hands it to
;;   console.error, and traps with `unreachable` (panic = "abort");
;; - a u64 reaches JS as a BigInt (__wbindgen_bigint_from_u64).

(module
  ;; ---- types of what the function table holds ----
  (type $call1 (func (param i32 externref)))           ;; FnMut(JsValue) body
  (type $call2 (func (param i32 externref externref))) ;; FnMut(JsValue, JsValue) body
  (type $drop (func (param i32)))                     ;; drop_in_place

  ;; ---- imports, as the glue (index_bg.js) exports them ----
  (import "./index_bg.js" "__wbindgen_init_externref_table" (func $init_externref_table))
  (import "./index_bg.js" "__wbg_method_16fb85d88991bd24" (func $request_method (param i32 externref)))
  (import "./index_bg.js" "__wbg_url_a7defb546f76aff7" (func $request_url (param i32 externref)))
  (import "./index_bg.js" "__wbg_headers_e95e273b6ba37b90" (func $request_headers (param externref) (result externref)))
  (import "./index_bg.js" "__wbg_get_779f1eef2b962091" (func $headers_get (param i32 externref i32 i32)))
  (import "./index_bg.js" "__wbg_get_4738c7971ecc28cf" (func $reflect_get (param externref externref) (result externref)))
  (import "./index_bg.js" "__wbindgen_string_new" (func $string_new (param i32 i32) (result externref)))
  (import "./index_bg.js" "__wbindgen_string_get" (func $string_get (param i32 externref)))
  (import "./index_bg.js" "__wbg_arrayBuffer_0e3d8ee29d205e46" (func $request_array_buffer (param externref) (result externref)))
  (import "./index_bg.js" "__wbg_then_59fc8d2d3e8d0efe" (func $promise_then (param externref externref externref) (result externref)))
  (import "./index_bg.js" "__wbg_queueMicrotask_5b13fad041412bd1" (func $queue_microtask (param externref)))
  (import "./index_bg.js" "__wbg_new_082aa14d46cc419e" (func $promise_new (param i32 i32) (result externref)))
  (import "./index_bg.js" "__wbg_call_83a188b0caf5a964" (func $function_call1 (param externref externref externref) (result externref)))
  (import "./index_bg.js" "__wbindgen_closure_wrapper2941" (func $closure_wrapper (param i32 i32 i32) (result externref)))
  (import "./index_bg.js" "__wbindgen_cb_drop" (func $cb_drop (param externref) (result i32)))
  (import "./index_bg.js" "__wbg_new_42f1b090dbda6e57" (func $uint8array_new (param externref) (result externref)))
  (import "./index_bg.js" "__wbg_length_776282199ec0c4a3" (func $uint8array_length (param externref) (result i32)))
  (import "./index_bg.js" "__wbindgen_memory" (func $wasm_memory (result externref)))
  (import "./index_bg.js" "__wbg_buffer_e5ff53b527aca577" (func $memory_buffer (param externref) (result externref)))
  (import "./index_bg.js" "__wbg_newwithbyteoffsetandlength_22c0abba249b03be" (func $uint8array_view (param externref i32 i32) (result externref)))
  (import "./index_bg.js" "__wbg_set_d253af19b8724baf" (func $uint8array_set (param externref externref i32)))
  (import "./index_bg.js" "__wbindgen_bigint_from_u64" (func $bigint_from_u64 (param i64) (result externref)))
  (import "./index_bg.js" "__wbg_String_89eba9c059c6416b" (func $js_string (param i32 externref)))
  (import "./index_bg.js" "__wbg_new_1597798897e66719" (func $headers_new (result externref)))
  (import "./index_bg.js" "__wbg_set_009c26c0de31f1a5" (func $headers_set (param externref i32 i32 i32 i32)))
  (import "./index_bg.js" "__wbg_new_f704945ce5cab112" (func $object_new (result externref)))
  (import "./index_bg.js" "__wbg_set_6e6e9ca6b51214e0" (func $reflect_set (param externref externref externref) (result i32)))
  (import "./index_bg.js" "__wbindgen_number_new" (func $number_new (param f64) (result externref)))
  (import "./index_bg.js" "__wbg_newwithoptstrandinit_108938e251e7b894" (func $response_new (param i32 i32 externref) (result externref)))
  (import "./index_bg.js" "__wbg_new_8bfc6d507ba38141" (func $websocketpair_new (result externref)))
  (import "./index_bg.js" "__wbg_0_92c898a433a58c7e" (func $websocketpair_client (param externref) (result externref)))
  (import "./index_bg.js" "__wbg_1_0dd923a487866a77" (func $websocketpair_server (param externref) (result externref)))
  (import "./index_bg.js" "__wbg_accept_a25aa22c2f33c317" (func $websocket_accept (param externref)))
  (import "./index_bg.js" "__wbg_addEventListener_f50a7068920d01f8" (func $add_event_listener (param externref i32 i32 externref)))
  (import "./index_bg.js" "__wbg_removeEventListener_0d85c497d3a33573" (func $remove_event_listener (param externref i32 i32 externref)))
  (import "./index_bg.js" "__wbg_data_72344e400b52b231" (func $message_event_data (param externref) (result externref)))
  (import "./index_bg.js" "__wbg_instanceof_ArrayBuffer_cab37bb7cea82286" (func $is_array_buffer (param externref) (result i32)))
  (import "./index_bg.js" "__wbg_send_b91148debab8e25e" (func $websocket_send_str (param externref i32 i32)))
  (import "./index_bg.js" "__wbg_close_b7094b1dd5c47673" (func $websocket_close (param externref i32 i32 i32)))
  (import "./index_bg.js" "__wbg_code_409305a839f7c487" (func $close_event_code (param externref) (result i32)))
  (import "./index_bg.js" "__wbg_reason_e7d561d60fe5d59e" (func $close_event_reason (param i32 externref)))
  (import "./index_bg.js" "__wbg_log_4fd428fb380779d9" (func $console_log (param externref)))
  (import "./index_bg.js" "__wbg_new_ce13b2bccecc514a" (func $error_new (result externref)))
  (import "./index_bg.js" "__wbg_stack_2b27bc6950fb739d" (func $error_stack (param i32 externref)))
  (import "./index_bg.js" "__wbg_error_cc3cd8bff8f45288" (func $console_error_owned (param i32 i32)))
  (import "./index_bg.js" "__wbindgen_throw" (func $throw (param i32 i32)))

  ;; ---- tables and memory ----
  ;; Function table: index 0 stays null, as in Rust output.
  (table $funcs (export "__wbindgen_export_5") 11 11 funcref)
  (elem (table $funcs) (i32.const 1) func
    $closure_dtor          ;; 1: what the glue calls to destroy a closure
    $drop_nop              ;; 2
    $drop_ws_message       ;; 3
    $runner_call           ;; 4
    $then_ok_call          ;; 5
    $then_err_call         ;; 6
    $ws_message_call       ;; 7
    $ws_close_call         ;; 8
    $executor_call         ;; 9
    $drop_ws_close)        ;; 10
  (table $externrefs (export "__wbindgen_export_2") 128 externref)
  ;; 17 pages: the shadow stack below 1 MiB, then data, then the heap, which
  ;; leaves about 60 KiB before the first memory.grow.
  (memory (export "memory") 17)

  (global $stack_pointer (mut i32) (i32.const 0x100000))
  (global $heap_top (mut i32) (i32.const 0x101000))
  (global $free_head (mut i32) (i32.const 0))
  ;; externref slots: the next never-used index, and a stack of freed ones
  (global $ext_next (mut i32) (i32.const 0))
  (global $ext_free (mut i32) (i32.const 0))
  (global $ext_free_len (mut i32) (i32.const 0))
  (global $ext_free_cap (mut i32) (i32.const 0))
  ;; the exception __wbindgen_exn_store was given, as a slot, or 0
  (global $exn_slot (mut i32) (i32.const 0))

  (global $JSIDX_UNDEFINED i32 (i32.const 128))
  (global $JSIDX_RESERVED i32 (i32.const 132))

  ;; ---- read-only data: NUL-terminated strings, then vtables ----
  (global $S_SLASH i32 (i32.const 0x100000))
  (global $S_HELLO i32 (i32.const 0x100040))
  (global $S_ECHO i32 (i32.const 0x100080))
  (global $S_PANIC i32 (i32.const 0x1000c0))
  (global $S_HEADER i32 (i32.const 0x100100))
  (global $S_UPGRADE i32 (i32.const 0x100140))
  (global $S_WEBSOCKET i32 (i32.const 0x100180))
  (global $S_EXPECTED_UPGRADE i32 (i32.const 0x1001c0))
  (global $S_GREETING i32 (i32.const 0x100200))
  (global $S_HELLO_TEXT i32 (i32.const 0x100240))
  (global $S_UNSET i32 (i32.const 0x100280))
  (global $S_POST i32 (i32.const 0x1002c0))
  (global $S_METHOD_NOT_ALLOWED i32 (i32.const 0x100300))
  (global $S_NOT_FOUND i32 (i32.const 0x100340))
  (global $S_RECEIVED i32 (i32.const 0x100380))
  (global $S_BYTES_SUM i32 (i32.const 0x1003c0))
  (global $S_FNV i32 (i32.const 0x100400))
  (global $S_CONTENT_TYPE i32 (i32.const 0x100440))
  (global $S_TEXT_PLAIN i32 (i32.const 0x100480))
  (global $S_X_FNV i32 (i32.const 0x1004c0))
  (global $S_STATUS i32 (i32.const 0x100500))
  (global $S_HEADERS i32 (i32.const 0x100540))
  (global $S_WEBSOCKET_KEY i32 (i32.const 0x100580))
  (global $S_MESSAGE i32 (i32.const 0x1005c0))
  (global $S_CLOSE i32 (i32.const 0x100600))
  (global $S_CLOSE_REASON i32 (i32.const 0x100640))
  (global $S_ECHO_PREFIX i32 (i32.const 0x100680))
  (global $S_COLON i32 (i32.const 0x1006c0))
  (global $S_BINARY i32 (i32.const 0x100700))
  (global $S_BYTES_SUM_WS i32 (i32.const 0x100740))
  (global $S_SOCKET_CLOSED i32 (i32.const 0x100780))
  (global $S_LISTENER_DROPPED i32 (i32.const 0x1007c0))
  (global $S_PANIC_MESSAGE i32 (i32.const 0x100800))
  (global $S_TWO_NEWLINES i32 (i32.const 0x100880))
  (global $S_NAME_EQ i32 (i32.const 0x1008c0))
  (global $S_NO_SUCH_HEADER i32 (i32.const 0x100900))
  (global $S_CLOSURE_DROPPED i32 (i32.const 0x100940))
  (global $S_MEMORY_GREW i32 (i32.const 0x100980))
  (global $S_SPACE i32 (i32.const 0x1009c0))
  (global $S_NEWLINE i32 (i32.const 0x100a00))
  (global $S_HEX_DIGITS i32 (i32.const 0x100a40))

  (data (i32.const 0x100000) "/\00")
  (data (i32.const 0x100040) "/hello\00")
  (data (i32.const 0x100080) "/echo\00")
  (data (i32.const 0x1000c0) "/panic\00")
  (data (i32.const 0x100100) "/header\00")
  (data (i32.const 0x100140) "Upgrade\00")
  (data (i32.const 0x100180) "websocket\00")
  (data (i32.const 0x1001c0) "Expected Upgrade: websocket\00")
  (data (i32.const 0x100200) "GREETING\00")
  (data (i32.const 0x100240) "Hello from a workers-rs-shaped Wasm worker. GREETING=\00")
  (data (i32.const 0x100280) "(unset)\00")
  (data (i32.const 0x1002c0) "POST\00")
  (data (i32.const 0x100300) "Method Not Allowed\00")
  (data (i32.const 0x100340) "Not Found\00")
  (data (i32.const 0x100380) "received \00")
  (data (i32.const 0x1003c0) " bytes, byte sum \00")
  (data (i32.const 0x100400) ", fnv1a64 \00")
  (data (i32.const 0x100440) "content-type\00")
  (data (i32.const 0x100480) "text/plain; charset=utf-8\00")
  (data (i32.const 0x1004c0) "x-fnv1a64\00")
  (data (i32.const 0x100500) "status\00")
  (data (i32.const 0x100540) "headers\00")
  (data (i32.const 0x100580) "webSocket\00")
  (data (i32.const 0x1005c0) "message\00")
  (data (i32.const 0x100600) "close\00")
  (data (i32.const 0x100640) "closing as asked\00")
  (data (i32.const 0x100680) "wasm #\00")
  (data (i32.const 0x1006c0) ": \00")
  (data (i32.const 0x100700) "binary: \00")
  (data (i32.const 0x100740) " bytes, sum \00")
  (data (i32.const 0x100780) "[wasm] socket closed: \00")
  (data (i32.const 0x1007c0) "[wasm] message listener dropped\00")
  (data (i32.const 0x100800) "panicked at src/lib.rs:87:13:\nexplicit panic: GET /panic\n\nStack:\n\n\00")
  (data (i32.const 0x100880) "\n\n\00")
  (data (i32.const 0x1008c0) "name=\00")
  (data (i32.const 0x100900) "no such header: \00")
  (data (i32.const 0x100940) "closure invoked recursively or after being dropped\00")
  (data (i32.const 0x100980) "[wasm] memory grew while reading the body\00")
  (data (i32.const 0x1009c0) " \00")
  (data (i32.const 0x100a00) "\n\00")
  (data (i32.const 0x100a40) "0123456789abcdef\00")

  ;; Vtables: [drop_in_place, size, align, call], function-table indexes.
  (global $VT_RUNNER i32 (i32.const 0x100c00))
  (global $VT_THEN_OK i32 (i32.const 0x100c10))
  (global $VT_THEN_ERR i32 (i32.const 0x100c20))
  (global $VT_WS_MESSAGE i32 (i32.const 0x100c30))
  (global $VT_WS_CLOSE i32 (i32.const 0x100c40))
  (global $VT_EXECUTOR i32 (i32.const 0x100c50))
  (data (i32.const 0x100c00)
    "\02\00\00\00" "\08\00\00\00" "\04\00\00\00" "\04\00\00\00"  ;; runner: Box<{task}>
    "\02\00\00\00" "\08\00\00\00" "\04\00\00\00" "\05\00\00\00"  ;; then(ok)
    "\02\00\00\00" "\08\00\00\00" "\04\00\00\00" "\06\00\00\00"  ;; then(err)
    "\03\00\00\00" "\18\00\00\00" "\08\00\00\00" "\07\00\00\00"  ;; message listener: 24 bytes
    "\0a\00\00\00" "\08\00\00\00" "\04\00\00\00" "\08\00\00\00"  ;; close listener: 8 bytes
    "\00\00\00\00" "\00\00\00\00" "\01\00\00\00" "\09\00\00\00") ;; executor (on the stack)

  ;; A task (one fetch) is 64 bytes:
  ;;   +0 state (0 start, 1 awaiting the body, 2 body read, 3 body failed)
  ;;   +4 request  +8 env  +12 ctx  +16 resolve  +20 reject  +24 runner fn
  ;;   +28 body  +32 then-ok fn  +36 then-err fn  +40 error    (all slots)
  ;;   +44 then-ok box  +48 then-err box  +52 runner box       (pointers)

  ;; ================= the allocator =================
  ;; Blocks carry an 8-byte header: the payload size at p-8 and, while the
  ;; block is free, the next free block at p-4. Best fit from the free list,
  ;; splitting big blocks; otherwise bump, growing memory as needed.

  (func $ensure_memory (param $end i32)
    (local $pages i32)
    (local.set $pages (i32.shr_u (i32.add (local.get $end) (i32.const 0xffff)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then unreachable)))))

  (func $alloc (param $size i32) (param $align i32) (result i32)
    (local $prev i32) (local $cur i32) (local $best i32) (local $best_prev i32)
    (local $bsize i32) (local $rest i32) (local $p i32) (local $end i32)
    (if (i32.gt_u (local.get $align) (i32.const 8)) (then unreachable))
    (if (i32.gt_u (local.get $size) (i32.const 0x7fff0000)) (then unreachable))
    (local.set $size (i32.and (i32.add (local.get $size) (i32.const 7)) (i32.const -8)))
    (if (i32.eqz (local.get $size)) (then (local.set $size (i32.const 8))))
    ;; best fit
    (local.set $cur (global.get $free_head))
    (block $scanned
      (loop $scan
        (br_if $scanned (i32.eqz (local.get $cur)))
        (local.set $bsize (i32.load (i32.sub (local.get $cur) (i32.const 8))))
        (block $scan_next
          (br_if $scan_next (i32.lt_u (local.get $bsize) (local.get $size)))
          (if (local.get $best)
            (then
              (br_if $scan_next (i32.ge_u (local.get $bsize)
                                          (i32.load (i32.sub (local.get $best) (i32.const 8)))))))
          (local.set $best (local.get $cur))
          (local.set $best_prev (local.get $prev)))
        (local.set $prev (local.get $cur))
        (local.set $cur (i32.load (i32.sub (local.get $cur) (i32.const 4))))
        (br $scan)))
    (if (local.get $best)
      (then
        ;; unlink
        (if (local.get $best_prev)
          (then (i32.store (i32.sub (local.get $best_prev) (i32.const 4))
                           (i32.load (i32.sub (local.get $best) (i32.const 4)))))
          (else (global.set $free_head (i32.load (i32.sub (local.get $best) (i32.const 4))))))
        ;; split off what is left when it is worth a block of its own
        (local.set $bsize (i32.load (i32.sub (local.get $best) (i32.const 8))))
        (if (i32.ge_u (i32.sub (local.get $bsize) (local.get $size)) (i32.const 40))
          (then
            (local.set $rest (i32.add (i32.add (local.get $best) (local.get $size)) (i32.const 8)))
            (i32.store (i32.sub (local.get $rest) (i32.const 8))
                       (i32.sub (i32.sub (local.get $bsize) (local.get $size)) (i32.const 8)))
            (i32.store (i32.sub (local.get $best) (i32.const 8)) (local.get $size))
            (call $push_free (local.get $rest))))
        (return (local.get $best))))
    ;; bump
    (local.set $p (i32.add (global.get $heap_top) (i32.const 8)))
    (local.set $end (i32.add (local.get $p) (local.get $size)))
    (call $ensure_memory (local.get $end))
    (i32.store (i32.sub (local.get $p) (i32.const 8)) (local.get $size))
    (global.set $heap_top (local.get $end))
    (local.get $p))

  (func $push_free (param $p i32)
    (i32.store (i32.sub (local.get $p) (i32.const 4)) (global.get $free_head))
    (global.set $free_head (local.get $p)))

  (func $free (param $p i32)
    (if (i32.eqz (local.get $p)) (then (return)))
    ;; the block at the top of the heap goes back to the bump pointer
    (if (i32.eq (i32.add (local.get $p) (i32.load (i32.sub (local.get $p) (i32.const 8))))
                (global.get $heap_top))
      (then
        (global.set $heap_top (i32.sub (local.get $p) (i32.const 8)))
        (return)))
    (call $push_free (local.get $p)))

  (func $realloc (param $p i32) (param $old i32) (param $new i32) (param $align i32) (result i32)
    (local $bsize i32) (local $q i32) (local $size i32)
    (if (i32.eqz (local.get $p)) (then (return (call $alloc (local.get $new) (local.get $align)))))
    (local.set $bsize (i32.load (i32.sub (local.get $p) (i32.const 8))))
    (if (i32.le_u (local.get $new) (local.get $bsize)) (then (return (local.get $p))))
    (if (i32.gt_u (local.get $new) (i32.const 0x7fff0000)) (then unreachable))
    ;; the last block grows in place
    (if (i32.eq (i32.add (local.get $p) (local.get $bsize)) (global.get $heap_top))
      (then
        (local.set $size (i32.and (i32.add (local.get $new) (i32.const 7)) (i32.const -8)))
        (call $ensure_memory (i32.add (local.get $p) (local.get $size)))
        (i32.store (i32.sub (local.get $p) (i32.const 8)) (local.get $size))
        (global.set $heap_top (i32.add (local.get $p) (local.get $size)))
        (return (local.get $p))))
    (local.set $q (call $alloc (local.get $new) (local.get $align)))
    (memory.copy (local.get $q) (local.get $p) (local.get $old))
    (call $free (local.get $p))
    (local.get $q))

  (func (export "__wbindgen_malloc") (param $size i32) (param $align i32) (result i32)
    (call $alloc (local.get $size) (local.get $align)))

  (func (export "__wbindgen_realloc") (param $p i32) (param $old i32) (param $new i32) (param $align i32) (result i32)
    (call $realloc (local.get $p) (local.get $old) (local.get $new) (local.get $align)))

  (func (export "__wbindgen_free") (param $p i32) (param $size i32) (param $align i32)
    (call $free (local.get $p)))

  ;; The shadow stack, for return pointers (16 bytes) and scratch.
  (func $stack_enter (param $n i32) (result i32)
    (global.set $stack_pointer (i32.sub (global.get $stack_pointer) (local.get $n)))
    (global.get $stack_pointer))

  (func $stack_leave (param $n i32)
    (global.set $stack_pointer (i32.add (global.get $stack_pointer) (local.get $n))))

  ;; ================= the externref table =================

  (func $externref_table_alloc (export "__externref_table_alloc") (result i32)
    (local $idx i32)
    (if (global.get $ext_free_len)
      (then
        (global.set $ext_free_len (i32.sub (global.get $ext_free_len) (i32.const 1)))
        (return (i32.load (i32.add (global.get $ext_free)
                                   (i32.shl (global.get $ext_free_len) (i32.const 2)))))))
    (local.set $idx (global.get $ext_next))
    (if (i32.ge_u (local.get $idx) (table.size $externrefs))
      (then
        (if (i32.eq (table.grow $externrefs (ref.null extern) (i32.const 128)) (i32.const -1))
          (then unreachable))))
    (global.set $ext_next (i32.add (local.get $idx) (i32.const 1)))
    (local.get $idx))

  (func $externref_table_dealloc (export "__externref_table_dealloc") (param $idx i32)
    (local $cap i32)
    (if (i32.lt_u (local.get $idx) (global.get $JSIDX_RESERVED)) (then (return)))
    (table.set $externrefs (local.get $idx) (ref.null extern))
    (if (i32.eq (global.get $ext_free_len) (global.get $ext_free_cap))
      (then
        (local.set $cap (select (i32.shl (global.get $ext_free_cap) (i32.const 1)) (i32.const 32)
                                (global.get $ext_free_cap)))
        (global.set $ext_free (call $realloc (global.get $ext_free)
                                             (i32.shl (global.get $ext_free_cap) (i32.const 2))
                                             (i32.shl (local.get $cap) (i32.const 2)) (i32.const 4)))
        (global.set $ext_free_cap (local.get $cap))))
    (i32.store (i32.add (global.get $ext_free) (i32.shl (global.get $ext_free_len) (i32.const 2)))
               (local.get $idx))
    (global.set $ext_free_len (i32.add (global.get $ext_free_len) (i32.const 1))))

  ;; $keep puts a JS value in a fresh slot, as a JsValue is held.
  (func $keep (param $v externref) (result i32)
    (local $idx i32)
    (local.set $idx (call $externref_table_alloc))
    (table.set $externrefs (local.get $idx) (local.get $v))
    (local.get $idx))

  (func $undefined (result externref)
    (table.get $externrefs (global.get $JSIDX_UNDEFINED)))

  ;; $field reads the JS value whose slot a task field holds.
  (func $field (param $task i32) (param $off i32) (result externref)
    (table.get $externrefs (i32.load (i32.add (local.get $task) (local.get $off)))))

  ;; $release_field frees a task field's slot, if any.
  (func $release_field (param $task i32) (param $off i32)
    (local $at i32)
    (local.set $at (i32.add (local.get $task) (local.get $off)))
    (if (i32.load (local.get $at))
      (then
        (call $externref_table_dealloc (i32.load (local.get $at)))
        (i32.store (local.get $at) (i32.const 0)))))

  ;; ================= exceptions from `catch` imports =================

  (func (export "__wbindgen_exn_store") (param $idx i32)
    (global.set $exn_slot (local.get $idx)))

  ;; $take_exn returns the slot of the exception the last import threw, or 0.
  (func $take_exn (result i32)
    (local $idx i32)
    (local.set $idx (global.get $exn_slot))
    (global.set $exn_slot (i32.const 0))
    (local.get $idx))

  ;; $ignore_exn drops an exception nobody handles (Result ignored).
  (func $ignore_exn
    (call $externref_table_dealloc (call $take_exn)))

  ;; ================= strings =================

  (func $cstr_len (param $p i32) (result i32)
    (local $n i32)
    (block $end
      (loop $next
        (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; $lit gives a literal as (ptr, len), the way a &str crosses.
  (func $lit (param $p i32) (result i32 i32)
    (local.get $p)
    (call $cstr_len (local.get $p)))

  (func $js_lit (param $p i32) (result externref)
    (call $string_new (call $lit (local.get $p))))

  (func $eq_lit (param $p i32) (param $n i32) (param $lit i32) (result i32)
    (local $i i32)
    (if (i32.ne (local.get $n) (call $cstr_len (local.get $lit))) (then (return (i32.const 0))))
    (block $differ
      (loop $next
        (if (i32.ge_u (local.get $i) (local.get $n)) (then (return (i32.const 1))))
        (br_if $differ (i32.ne (i32.load8_u (i32.add (local.get $p) (local.get $i)))
                               (i32.load8_u (i32.add (local.get $lit) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; A growable byte buffer, [ptr, cap, len], 12 bytes on the heap.
  (func $buf_new (result i32)
    (local $b i32)
    (local.set $b (call $alloc (i32.const 12) (i32.const 4)))
    (i32.store (local.get $b) (call $alloc (i32.const 64) (i32.const 1)))
    (i32.store offset=4 (local.get $b) (i32.const 64))
    (i32.store offset=8 (local.get $b) (i32.const 0))
    (local.get $b))

  (func $buf_push (param $b i32) (param $src i32) (param $n i32)
    (local $need i32) (local $cap i32)
    (local.set $need (i32.add (i32.load offset=8 (local.get $b)) (local.get $n)))
    (local.set $cap (i32.load offset=4 (local.get $b)))
    (if (i32.gt_u (local.get $need) (local.get $cap))
      (then
        (local.set $cap (select (local.get $need) (i32.shl (local.get $cap) (i32.const 1))
                                (i32.gt_u (local.get $need) (i32.shl (local.get $cap) (i32.const 1)))))
        (i32.store (local.get $b) (call $realloc (i32.load (local.get $b)) (i32.load offset=4 (local.get $b))
                                                 (local.get $cap) (i32.const 1)))
        (i32.store offset=4 (local.get $b) (local.get $cap))))
    (memory.copy (i32.add (i32.load (local.get $b)) (i32.load offset=8 (local.get $b)))
                 (local.get $src) (local.get $n))
    (i32.store offset=8 (local.get $b) (local.get $need)))

  (func $buf_lit (param $b i32) (param $lit i32)
    (call $buf_push (local.get $b) (call $lit (local.get $lit))))

  ;; $buf_dec appends an unsigned decimal.
  (func $buf_dec (param $b i32) (param $v i64)
    (local $tmp i32) (local $i i32)
    (local.set $tmp (call $stack_enter (i32.const 32)))
    (local.set $i (i32.const 32))
    (loop $digit
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (i32.store8 (i32.add (local.get $tmp) (local.get $i))
                  (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $v) (i64.const 10)))))
      (local.set $v (i64.div_u (local.get $v) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $v) (i64.const 0))))
    (call $buf_push (local.get $b) (i32.add (local.get $tmp) (local.get $i)) (i32.sub (i32.const 32) (local.get $i)))
    (call $stack_leave (i32.const 32)))

  ;; $buf_hex appends 16 lowercase hex digits.
  (func $buf_hex (param $b i32) (param $v i64)
    (local $tmp i32) (local $i i32)
    (local.set $tmp (call $stack_enter (i32.const 16)))
    (loop $digit
      (i32.store8 (i32.add (local.get $tmp) (local.get $i))
                  (i32.load8_u (i32.add (global.get $S_HEX_DIGITS)
                    (i32.wrap_i64 (i64.and (i64.shr_u (local.get $v)
                      (i64.extend_i32_u (i32.sub (i32.const 60) (i32.shl (local.get $i) (i32.const 2)))))
                      (i64.const 15))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $digit (i32.lt_u (local.get $i) (i32.const 16))))
    (call $buf_push (local.get $b) (local.get $tmp) (i32.const 16))
    (call $stack_leave (i32.const 16)))

  ;; $buf_into_parts frees the header and returns (ptr, len); the caller
  ;; owns ptr.
  (func $buf_into_parts (param $b i32) (result i32 i32)
    (i32.load (local.get $b))
    (i32.load offset=8 (local.get $b))
    (call $free (local.get $b)))

  (func $log_buf (param $b i32)
    (local $p i32) (local $n i32)
    (call $buf_into_parts (local.get $b))
    (local.set $n)
    (local.set $p)
    (call $console_log (call $string_new (local.get $p) (local.get $n)))
    (call $free (local.get $p)))

  ;; $string_result reads a (ptr, len) an import wrote at the return
  ;; pointer; ptr 0 is None.
  (func $string_result (param $rp i32) (result i32 i32)
    (i32.load (local.get $rp))
    (i32.load offset=4 (local.get $rp)))

  ;; ================= closures =================

  ;; $closure makes the JS function for a boxed closure (data, vtable).
  (func $closure (param $data i32) (param $vtable i32) (result externref)
    (call $closure_wrapper (local.get $data) (local.get $vtable) (i32.const 0)))

  ;; $drop_box runs a closure's drop_in_place and frees its box.
  (func $drop_box (param $data i32) (param $vtable i32)
    (call_indirect $funcs (type $drop) (local.get $data) (i32.load (local.get $vtable)))
    (call $free (local.get $data)))

  ;; $drop_closure drops a Closure whose JS function is in slot: the box is
  ;; freed here when JS says it is unused, or by JS through the destructor
  ;; when the closure is still running.
  (func $drop_closure (param $slot i32) (param $data i32) (param $vtable i32)
    (if (call $cb_drop (table.get $externrefs (local.get $slot)))
      (then (call $drop_box (local.get $data) (local.get $vtable))))
    (call $externref_table_dealloc (local.get $slot)))

  ;; The destructor the glue calls from the function table.
  (func $closure_dtor (param $a i32) (param $b i32)
    (if (i32.eqz (local.get $a)) (then (return)))
    (call $drop_box (local.get $a) (local.get $b)))

  (func $drop_nop (param $a i32))

  (func $closure_shim (export "closure12_externref_shim") (param $a i32) (param $b i32) (param $arg externref)
    (if (i32.eqz (local.get $a))
      (then (call $throw (call $lit (global.get $S_CLOSURE_DROPPED))) unreachable))
    (call_indirect $funcs (type $call1) (local.get $a) (local.get $arg)
                   (i32.load offset=12 (local.get $b))))

  (func $executor_shim (export "closure7_externref_shim") (param $a i32) (param $b i32) (param $resolve externref) (param $reject externref)
    (if (i32.eqz (local.get $a))
      (then (call $throw (call $lit (global.get $S_CLOSURE_DROPPED))) unreachable))
    (call_indirect $funcs (type $call2) (local.get $a) (local.get $resolve) (local.get $reject)
                   (i32.load offset=12 (local.get $b))))

  ;; ================= fetch: a task on the microtask queue =================

  (func (export "__wbindgen_start")
    (call $init_externref_table)
    (global.set $ext_next (table.size $externrefs)))

  (func (export "fetch") (param $req externref) (param $env externref) (param $ctx externref) (result externref)
    (local $task i32)
    (local.set $task (call $alloc (i32.const 64) (i32.const 4)))
    (memory.fill (local.get $task) (i32.const 0) (i32.const 64))
    (i32.store offset=4 (local.get $task) (call $keep (local.get $req)))
    (i32.store offset=8 (local.get $task) (call $keep (local.get $env)))
    (i32.store offset=12 (local.get $task) (call $keep (local.get $ctx)))
    (call $promise_new (local.get $task) (global.get $VT_EXECUTOR)))

  ;; The Promise executor: keep resolve and reject, schedule the first poll.
  (func $executor_call (param $task i32) (param $resolve externref) (param $reject externref)
    (local $box i32) (local $runner externref)
    (i32.store offset=16 (local.get $task) (call $keep (local.get $resolve)))
    (i32.store offset=20 (local.get $task) (call $keep (local.get $reject)))
    (local.set $box (call $alloc (i32.const 8) (i32.const 4)))
    (i32.store (local.get $box) (local.get $task))
    (local.set $runner (call $closure (local.get $box) (global.get $VT_RUNNER)))
    (i32.store offset=24 (local.get $task) (call $keep (local.get $runner)))
    (i32.store offset=52 (local.get $task) (local.get $box))
    (call $queue_microtask (local.get $runner)))

  (func $runner_call (param $box i32) (param $unused externref)
    (local $task i32) (local $state i32) (local $slot i32)
    (local.set $task (i32.load (local.get $box)))
    (local.set $state (i32.load (local.get $task)))
    (if (i32.eqz (local.get $state)) (then (call $route (local.get $task)) (return)))
    (if (i32.eq (local.get $state) (i32.const 2))
      (then
        (call $drop_then_closures (local.get $task))
        (call $echo_body (local.get $task))
        (return)))
    (if (i32.eq (local.get $state) (i32.const 3))
      (then
        (call $drop_then_closures (local.get $task))
        (local.set $slot (i32.load offset=40 (local.get $task)))
        (i32.store offset=40 (local.get $task) (i32.const 0))
        (call $fail (local.get $task) (local.get $slot)))))

  ;; $task_done drops the runner (from inside its own call, so JS runs its
  ;; destructor when the call returns) and frees the task.
  (func $task_done (param $task i32)
    (call $drop_closure (i32.load offset=24 (local.get $task)) (i32.load offset=52 (local.get $task))
                        (global.get $VT_RUNNER))
    (i32.store offset=24 (local.get $task) (i32.const 0))
    (call $release_field (local.get $task) (i32.const 4))
    (call $release_field (local.get $task) (i32.const 8))
    (call $release_field (local.get $task) (i32.const 12))
    (call $release_field (local.get $task) (i32.const 16))
    (call $release_field (local.get $task) (i32.const 20))
    (call $release_field (local.get $task) (i32.const 28))
    (call $free (local.get $task)))

  (func $succeed (param $task i32) (param $response externref)
    (drop (call $function_call1 (call $field (local.get $task) (i32.const 16)) (call $undefined)
                                (local.get $response)))
    (call $ignore_exn)
    (call $task_done (local.get $task)))

  ;; $fail rejects the task's promise with the JS value in slot (consumed).
  (func $fail (param $task i32) (param $slot i32)
    (local $err externref)
    (local.set $err (table.get $externrefs (local.get $slot)))
    (call $externref_table_dealloc (local.get $slot))
    (drop (call $function_call1 (call $field (local.get $task) (i32.const 20)) (call $undefined)
                                (local.get $err)))
    (call $ignore_exn)
    (call $task_done (local.get $task)))

  ;; ================= responses =================

  (func $init_with_status (param $status i32) (result externref)
    (local $init externref)
    (local.set $init (call $object_new))
    (drop (call $reflect_set (local.get $init) (call $js_lit (global.get $S_STATUS))
                             (call $number_new (f64.convert_i32_u (local.get $status)))))
    (call $ignore_exn)
    (local.get $init))

  (func $text_headers (result externref)
    (local $h externref)
    (local.set $h (call $headers_new))
    (call $ignore_exn)
    (call $headers_set (local.get $h) (call $lit (global.get $S_CONTENT_TYPE))
                       (call $lit (global.get $S_TEXT_PLAIN)))
    (call $ignore_exn)
    (local.get $h))

  ;; $reply settles the task with new Response(body, {status, headers});
  ;; a null headers is left out, a 0 body pointer is no body.
  (func $reply (param $task i32) (param $status i32) (param $body i32) (param $len i32) (param $headers externref)
    (local $init externref) (local $response externref) (local $exn i32)
    (local.set $init (call $init_with_status (local.get $status)))
    (if (i32.eqz (ref.is_null (local.get $headers)))
      (then
        (drop (call $reflect_set (local.get $init) (call $js_lit (global.get $S_HEADERS)) (local.get $headers)))
        (call $ignore_exn)))
    (local.set $response (call $response_new (local.get $body) (local.get $len) (local.get $init)))
    (local.set $exn (call $take_exn))
    (if (local.get $exn)
      (then (call $fail (local.get $task) (local.get $exn)))
      (else (call $succeed (local.get $task) (local.get $response)))))

  (func $reply_lit (param $task i32) (param $status i32) (param $text i32)
    (call $reply (local.get $task) (local.get $status) (call $lit (local.get $text)) (ref.null extern)))

  (func $reply_buf (param $task i32) (param $status i32) (param $b i32) (param $headers externref)
    (local $p i32) (local $n i32)
    (call $buf_into_parts (local.get $b))
    (local.set $n)
    (local.set $p)
    (call $reply (local.get $task) (local.get $status) (local.get $p) (local.get $n) (local.get $headers))
    (call $free (local.get $p)))

  ;; ================= routing =================

  ;; $split_url finds the path and the query of an absolute URL.
  (func $split_url (param $p i32) (param $n i32) (result i32 i32 i32 i32)
    (local $i i32) (local $slashes i32) (local $start i32) (local $end i32) (local $qs i32) (local $qe i32)
    (local.set $start (i32.const -1))
    (block $found
      (loop $next
        (br_if $found (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.eq (i32.load8_u (i32.add (local.get $p) (local.get $i))) (i32.const 47)) ;; '/'
          (then
            (local.set $slashes (i32.add (local.get $slashes) (i32.const 1)))
            (if (i32.eq (local.get $slashes) (i32.const 3))
              (then (local.set $start (local.get $i)) (br $found)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (i32.eq (local.get $start) (i32.const -1))
      (then (return (global.get $S_SLASH) (i32.const 1) (i32.const 0) (i32.const 0))))
    (local.set $end (local.get $start))
    (block $path_end
      (loop $next
        (br_if $path_end (i32.ge_u (local.get $end) (local.get $n)))
        (br_if $path_end (i32.eq (i32.load8_u (i32.add (local.get $p) (local.get $end))) (i32.const 63))) ;; '?'
        (br_if $path_end (i32.eq (i32.load8_u (i32.add (local.get $p) (local.get $end))) (i32.const 35))) ;; '#'
        (local.set $end (i32.add (local.get $end) (i32.const 1)))
        (br $next)))
    (local.set $qs (local.get $end))
    (local.set $qe (local.get $end))
    (if (i32.lt_u (local.get $end) (local.get $n))
      (then
        (if (i32.eq (i32.load8_u (i32.add (local.get $p) (local.get $end))) (i32.const 63))
          (then
            (local.set $qs (i32.add (local.get $end) (i32.const 1)))
            (local.set $qe (local.get $qs))
            (block $query_end
              (loop $next
                (br_if $query_end (i32.ge_u (local.get $qe) (local.get $n)))
                (br_if $query_end (i32.eq (i32.load8_u (i32.add (local.get $p) (local.get $qe))) (i32.const 35)))
                (local.set $qe (i32.add (local.get $qe) (i32.const 1)))
                (br $next)))))))
    (i32.add (local.get $p) (local.get $start))
    (i32.sub (local.get $end) (local.get $start))
    (i32.add (local.get $p) (local.get $qs))
    (i32.sub (local.get $qe) (local.get $qs)))

  (func $route (param $task i32)
    (local $rp i32) (local $method i32) (local $method_len i32) (local $url i32) (local $url_len i32)
    (local $path i32) (local $path_len i32) (local $query i32) (local $query_len i32)
    (local.set $rp (call $stack_enter (i32.const 16)))
    (call $request_method (local.get $rp) (call $field (local.get $task) (i32.const 4)))
    (call $string_result (local.get $rp))
    (local.set $method_len)
    (local.set $method)
    (call $request_url (local.get $rp) (call $field (local.get $task) (i32.const 4)))
    (call $string_result (local.get $rp))
    (local.set $url_len)
    (local.set $url)
    (call $stack_leave (i32.const 16))
    (call $split_url (local.get $url) (local.get $url_len))
    (local.set $query_len)
    (local.set $query)
    (local.set $path_len)
    (local.set $path)
    (block $routed
      (if (call $eq_lit (local.get $path) (local.get $path_len) (global.get $S_SLASH))
        (then (call $route_root (local.get $task)) (br $routed)))
      (if (call $eq_lit (local.get $path) (local.get $path_len) (global.get $S_HELLO))
        (then (call $route_hello (local.get $task)) (br $routed)))
      (if (call $eq_lit (local.get $path) (local.get $path_len) (global.get $S_ECHO))
        (then
          (call $route_echo (local.get $task)
                (call $eq_lit (local.get $method) (local.get $method_len) (global.get $S_POST)))
          (br $routed)))
      (if (call $eq_lit (local.get $path) (local.get $path_len) (global.get $S_PANIC))
        (then (call $panic)))
      (if (call $eq_lit (local.get $path) (local.get $path_len) (global.get $S_HEADER))
        (then (call $route_header (local.get $task) (local.get $query) (local.get $query_len)) (br $routed)))
      (call $reply_lit (local.get $task) (i32.const 404) (global.get $S_NOT_FOUND)))
    (call $free (local.get $method))
    (call $free (local.get $url)))

  ;; GET / : the guide's server. Without "Upgrade: websocket", 426.
  (func $route_root (param $task i32)
    (local $rp i32) (local $exn i32) (local $value i32) (local $value_len i32) (local $upgrade i32)
    (local.set $rp (call $stack_enter (i32.const 16)))
    (call $headers_get (local.get $rp) (call $request_headers (call $field (local.get $task) (i32.const 4)))
                       (call $lit (global.get $S_UPGRADE)))
    (local.set $exn (call $take_exn))
    (call $string_result (local.get $rp))
    (local.set $value_len)
    (local.set $value)
    (call $stack_leave (i32.const 16))
    (if (local.get $exn) (then (call $fail (local.get $task) (local.get $exn)) (return)))
    (if (local.get $value)
      (then
        (local.set $upgrade (call $eq_lit (local.get $value) (local.get $value_len) (global.get $S_WEBSOCKET)))
        (call $free (local.get $value))))
    (if (local.get $upgrade)
      (then (call $upgrade (local.get $task)))
      (else (call $reply_lit (local.get $task) (i32.const 426) (global.get $S_EXPECTED_UPGRADE)))))

  ;; GET /hello : text built here, with env.GREETING.
  (func $route_hello (param $task i32)
    (local $value externref) (local $exn i32) (local $rp i32) (local $p i32) (local $n i32) (local $b i32)
    (local.set $value (call $reflect_get (call $field (local.get $task) (i32.const 8))
                                         (call $js_lit (global.get $S_GREETING))))
    (local.set $exn (call $take_exn))
    (if (local.get $exn) (then (call $fail (local.get $task) (local.get $exn)) (return)))
    (local.set $rp (call $stack_enter (i32.const 16)))
    (call $string_get (local.get $rp) (local.get $value))
    (call $string_result (local.get $rp))
    (local.set $n)
    (local.set $p)
    (call $stack_leave (i32.const 16))
    (local.set $b (call $buf_new))
    (call $buf_lit (local.get $b) (global.get $S_HELLO_TEXT))
    (if (local.get $p)
      (then
        (call $buf_push (local.get $b) (local.get $p) (local.get $n))
        (call $free (local.get $p)))
      (else (call $buf_lit (local.get $b) (global.get $S_UNSET))))
    (call $buf_lit (local.get $b) (global.get $S_NEWLINE))
    (call $reply_buf (local.get $task) (i32.const 200) (local.get $b) (call $text_headers)))

  ;; GET /header?name=N : the request's header N; a name Headers refuses
  ;; comes back as the TypeError's text, 400.
  (func $route_header (param $task i32) (param $query i32) (param $query_len i32)
    (local $name i32) (local $name_len i32) (local $rp i32) (local $exn i32) (local $p i32) (local $n i32)
    (local $b i32) (local $rp2 i32)
    (local.set $name (local.get $query))
    (local.set $name_len (local.get $query_len))
    (if (i32.ge_u (local.get $query_len) (i32.const 5))
      (then
        (if (call $eq_lit (local.get $query) (i32.const 5) (global.get $S_NAME_EQ))
          (then
            (local.set $name (i32.add (local.get $query) (i32.const 5)))
            (local.set $name_len (i32.sub (local.get $query_len) (i32.const 5)))))))
    (local.set $rp (call $stack_enter (i32.const 16)))
    (call $headers_get (local.get $rp) (call $request_headers (call $field (local.get $task) (i32.const 4)))
                       (local.get $name) (local.get $name_len))
    (local.set $exn (call $take_exn))
    (call $string_result (local.get $rp))
    (local.set $n)
    (local.set $p)
    (call $stack_leave (i32.const 16))
    (local.set $b (call $buf_new))
    (if (local.get $exn)
      (then
        ;; String(error), through memory
        (local.set $rp2 (call $stack_enter (i32.const 16)))
        (call $js_string (local.get $rp2) (table.get $externrefs (local.get $exn)))
        (call $externref_table_dealloc (local.get $exn))
        (call $string_result (local.get $rp2))
        (local.set $n)
        (local.set $p)
        (call $stack_leave (i32.const 16))
        (call $buf_push (local.get $b) (local.get $p) (local.get $n))
        (call $free (local.get $p))
        (call $reply_buf (local.get $task) (i32.const 400) (local.get $b) (ref.null extern))
        (return)))
    (if (i32.eqz (local.get $p))
      (then
        (call $buf_lit (local.get $b) (global.get $S_NO_SUCH_HEADER))
        (call $buf_push (local.get $b) (local.get $name) (local.get $name_len))
        (call $reply_buf (local.get $task) (i32.const 404) (local.get $b) (ref.null extern))
        (return)))
    (call $buf_push (local.get $b) (local.get $p) (local.get $n))
    (call $free (local.get $p))
    (call $reply_buf (local.get $task) (i32.const 200) (local.get $b) (ref.null extern)))

  ;; POST /echo : await request.arrayBuffer(), as JsFuture does.
  (func $route_echo (param $task i32) (param $is_post i32)
    (local $promise externref) (local $exn i32) (local $ok_box i32) (local $err_box i32)
    (local $ok externref) (local $err externref)
    (if (i32.eqz (local.get $is_post))
      (then (call $reply_lit (local.get $task) (i32.const 405) (global.get $S_METHOD_NOT_ALLOWED)) (return)))
    (local.set $promise (call $request_array_buffer (call $field (local.get $task) (i32.const 4))))
    (local.set $exn (call $take_exn))
    (if (local.get $exn) (then (call $fail (local.get $task) (local.get $exn)) (return)))
    (local.set $ok_box (call $alloc (i32.const 8) (i32.const 4)))
    (i32.store (local.get $ok_box) (local.get $task))
    (local.set $ok (call $closure (local.get $ok_box) (global.get $VT_THEN_OK)))
    (local.set $err_box (call $alloc (i32.const 8) (i32.const 4)))
    (i32.store (local.get $err_box) (local.get $task))
    (local.set $err (call $closure (local.get $err_box) (global.get $VT_THEN_ERR)))
    (i32.store offset=32 (local.get $task) (call $keep (local.get $ok)))
    (i32.store offset=36 (local.get $task) (call $keep (local.get $err)))
    (i32.store offset=44 (local.get $task) (local.get $ok_box))
    (i32.store offset=48 (local.get $task) (local.get $err_box))
    (i32.store (local.get $task) (i32.const 1))
    (drop (call $promise_then (local.get $promise) (local.get $ok) (local.get $err))))

  (func $then_ok_call (param $box i32) (param $value externref)
    (local $task i32)
    (local.set $task (i32.load (local.get $box)))
    (i32.store offset=28 (local.get $task) (call $keep (local.get $value)))
    (i32.store (local.get $task) (i32.const 2))
    (call $queue_microtask (call $field (local.get $task) (i32.const 24))))

  (func $then_err_call (param $box i32) (param $value externref)
    (local $task i32)
    (local.set $task (i32.load (local.get $box)))
    (i32.store offset=40 (local.get $task) (call $keep (local.get $value)))
    (i32.store (local.get $task) (i32.const 3))
    (call $queue_microtask (call $field (local.get $task) (i32.const 24))))

  (func $drop_then_closures (param $task i32)
    (call $drop_closure (i32.load offset=32 (local.get $task)) (i32.load offset=44 (local.get $task))
                        (global.get $VT_THEN_OK))
    (call $drop_closure (i32.load offset=36 (local.get $task)) (i32.load offset=48 (local.get $task))
                        (global.get $VT_THEN_ERR))
    (i32.store offset=32 (local.get $task) (i32.const 0))
    (i32.store offset=36 (local.get $task) (i32.const 0)))

  ;; $copy_from_js copies a Uint8Array into memory at p, as
  ;; Uint8Array::copy_to does: through a view of the current buffer.
  (func $copy_from_js (param $src externref) (param $p i32) (param $n i32)
    (call $uint8array_set
      (call $uint8array_view (call $memory_buffer (call $wasm_memory)) (local.get $p) (local.get $n))
      (local.get $src) (i32.const 0)))

  ;; $bytes_from_js copies an ArrayBuffer's bytes to the heap: (ptr, len).
  (func $bytes_from_js (param $buffer externref) (result i32 i32)
    (local $u8 externref) (local $n i32) (local $p i32)
    (local.set $u8 (call $uint8array_new (local.get $buffer)))
    (local.set $n (call $uint8array_length (local.get $u8)))
    (local.set $p (call $alloc (local.get $n) (i32.const 1)))
    (call $copy_from_js (local.get $u8) (local.get $p) (local.get $n))
    (local.get $p)
    (local.get $n))

  (func $byte_sum (param $p i32) (param $n i32) (result i64)
    (local $i i32) (local $sum i64)
    (block $end
      (loop $next
        (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $sum (i64.add (local.get $sum)
                                 (i64.load8_u (i32.add (local.get $p) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  (func $fnv1a64 (param $p i32) (param $n i32) (result i64)
    (local $i i32) (local $h i64)
    (local.set $h (i64.const 0xcbf29ce484222325))
    (block $end
      (loop $next
        (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $h (i64.mul (i64.xor (local.get $h) (i64.load8_u (i32.add (local.get $p) (local.get $i))))
                               (i64.const 0x100000001b3)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $h))

  (func $echo_body (param $task i32)
    (local $pages i32) (local $p i32) (local $n i32) (local $hash i64) (local $b i32)
    (local $headers externref) (local $rp i32) (local $s i32) (local $s_len i32)
    (local.set $pages (memory.size))
    (call $bytes_from_js (call $field (local.get $task) (i32.const 28)))
    (local.set $n)
    (local.set $p)
    (if (i32.gt_u (memory.size) (local.get $pages))
      (then
        (local.set $b (call $buf_new))
        (call $buf_lit (local.get $b) (global.get $S_MEMORY_GREW))
        (call $log_buf (local.get $b))))
    (local.set $hash (call $fnv1a64 (local.get $p) (local.get $n)))
    (local.set $b (call $buf_new))
    (call $buf_lit (local.get $b) (global.get $S_RECEIVED))
    (call $buf_dec (local.get $b) (i64.extend_i32_u (local.get $n)))
    (call $buf_lit (local.get $b) (global.get $S_BYTES_SUM))
    (call $buf_dec (local.get $b) (call $byte_sum (local.get $p) (local.get $n)))
    (call $buf_lit (local.get $b) (global.get $S_FNV))
    (call $buf_hex (local.get $b) (local.get $hash))
    (call $buf_lit (local.get $b) (global.get $S_NEWLINE))
    (call $free (local.get $p))
    ;; x-fnv1a64: the hash in decimal, by String(BigInt) in JS
    (local.set $headers (call $text_headers))
    (local.set $rp (call $stack_enter (i32.const 16)))
    (call $js_string (local.get $rp) (call $bigint_from_u64 (local.get $hash)))
    (call $string_result (local.get $rp))
    (local.set $s_len)
    (local.set $s)
    (call $stack_leave (i32.const 16))
    (call $headers_set (local.get $headers) (call $lit (global.get $S_X_FNV)) (local.get $s) (local.get $s_len))
    (call $ignore_exn)
    (call $free (local.get $s))
    (call $reply_buf (local.get $task) (i32.const 200) (local.get $b) (local.get $headers)))

  ;; GET /panic : console_error_panic_hook's message, then abort.
  (func $panic
    (local $rp i32) (local $p i32) (local $n i32) (local $b i32)
    (local.set $rp (call $stack_enter (i32.const 16)))
    (call $error_stack (local.get $rp) (call $error_new))
    (call $string_result (local.get $rp))
    (local.set $n)
    (local.set $p)
    (call $stack_leave (i32.const 16))
    (local.set $b (call $buf_new))
    (call $buf_lit (local.get $b) (global.get $S_PANIC_MESSAGE))
    (call $buf_push (local.get $b) (local.get $p) (local.get $n))
    (call $buf_lit (local.get $b) (global.get $S_TWO_NEWLINES))
    (call $free (local.get $p))
    (call $buf_into_parts (local.get $b))
    (call $console_error_owned) ;; the glue frees the message
    unreachable)

  ;; ================= WebSockets =================

  ;; The upgrade: WebSocketPair, accept, listeners, 101 with the client end.
  ;; The message listener's box (24 bytes): +0 server slot, +4 its own JS
  ;; function's slot, +8 messages answered (u64).
  (func $upgrade (param $task i32)
    (local $pair externref) (local $exn i32) (local $server externref) (local $client externref)
    (local $box i32) (local $listener externref) (local $init externref)
    (local.set $pair (call $websocketpair_new))
    (local.set $exn (call $take_exn))
    (if (local.get $exn) (then (call $fail (local.get $task) (local.get $exn)) (return)))
    (local.set $client (call $websocketpair_client (local.get $pair)))
    (local.set $server (call $websocketpair_server (local.get $pair)))
    (call $websocket_accept (local.get $server))
    (local.set $exn (call $take_exn))
    (if (local.get $exn) (then (call $fail (local.get $task) (local.get $exn)) (return)))
    (local.set $box (call $alloc (i32.const 24) (i32.const 8)))
    (i32.store (local.get $box) (call $keep (local.get $server)))
    (i64.store offset=8 (local.get $box) (i64.const 0))
    (local.set $listener (call $closure (local.get $box) (global.get $VT_WS_MESSAGE)))
    (i32.store offset=4 (local.get $box) (call $keep (local.get $listener)))
    (call $add_event_listener (local.get $server) (call $lit (global.get $S_MESSAGE)) (local.get $listener))
    (call $ignore_exn)
    ;; The close listener's box: +0 server slot. It is forgotten
    ;; (Closure::forget): only the glue's FinalizationRegistry destroys it.
    (local.set $box (call $alloc (i32.const 8) (i32.const 4)))
    (i32.store (local.get $box) (call $keep (local.get $server)))
    (call $add_event_listener (local.get $server) (call $lit (global.get $S_CLOSE))
                              (call $closure (local.get $box) (global.get $VT_WS_CLOSE)))
    (call $ignore_exn)
    (local.set $init (call $init_with_status (i32.const 101)))
    (drop (call $reflect_set (local.get $init) (call $js_lit (global.get $S_WEBSOCKET_KEY)) (local.get $client)))
    (call $ignore_exn)
    (call $succeed_with_init (local.get $task) (local.get $init)))

  ;; $succeed_with_init settles the task with new Response(null, init).
  (func $succeed_with_init (param $task i32) (param $init externref)
    (local $response externref) (local $exn i32)
    (local.set $response (call $response_new (i32.const 0) (i32.const 0) (local.get $init)))
    (local.set $exn (call $take_exn))
    (if (local.get $exn)
      (then (call $fail (local.get $task) (local.get $exn)))
      (else (call $succeed (local.get $task) (local.get $response)))))

  ;; Each text message is answered "wasm #N: " + its text in upper case
  ;; (ASCII letters); "close" closes the socket with 1000 and drops this
  ;; listener; an ArrayBuffer is summed.
  (func $ws_message_call (param $box i32) (param $event externref)
    (local $server externref) (local $data externref) (local $rp i32) (local $p i32) (local $n i32)
    (local $b i32) (local $i i32) (local $c i32) (local $count i64) (local $listener externref)
    (local $out i32) (local $out_len i32)
    (local.set $server (table.get $externrefs (i32.load (local.get $box))))
    (local.set $data (call $message_event_data (local.get $event)))
    (local.set $rp (call $stack_enter (i32.const 16)))
    (call $string_get (local.get $rp) (local.get $data))
    (call $string_result (local.get $rp))
    (local.set $n)
    (local.set $p)
    (call $stack_leave (i32.const 16))
    (if (local.get $p)
      (then
        (if (call $eq_lit (local.get $p) (local.get $n) (global.get $S_CLOSE))
          (then
            (call $free (local.get $p))
            (call $websocket_close (local.get $server) (i32.const 1000) (call $lit (global.get $S_CLOSE_REASON)))
            (call $ignore_exn)
            (local.set $listener (table.get $externrefs (i32.load offset=4 (local.get $box))))
            (call $remove_event_listener (local.get $server) (call $lit (global.get $S_MESSAGE))
                                         (local.get $listener))
            (call $ignore_exn)
            ;; dropped while it runs: cb_drop says no, and the glue calls
            ;; the destructor from the function table when this returns
            (if (call $cb_drop (local.get $listener))
              (then (call $drop_box (local.get $box) (global.get $VT_WS_MESSAGE))))
            (return)))
        (local.set $count (i64.add (i64.load offset=8 (local.get $box)) (i64.const 1)))
        (i64.store offset=8 (local.get $box) (local.get $count))
        (local.set $b (call $buf_new))
        (call $buf_lit (local.get $b) (global.get $S_ECHO_PREFIX))
        (call $buf_dec (local.get $b) (local.get $count))
        (call $buf_lit (local.get $b) (global.get $S_COLON))
        (loop $upper
          (if (i32.lt_u (local.get $i) (local.get $n))
            (then
              (local.set $c (i32.load8_u (i32.add (local.get $p) (local.get $i))))
              (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
                (then (i32.store8 (i32.add (local.get $p) (local.get $i)) (i32.sub (local.get $c) (i32.const 32)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $upper))))
        (call $buf_push (local.get $b) (local.get $p) (local.get $n))
        (call $free (local.get $p)))
      (else
        (if (i32.eqz (call $is_array_buffer (local.get $data))) (then (return)))
        (call $bytes_from_js (local.get $data))
        (local.set $n)
        (local.set $p)
        (local.set $b (call $buf_new))
        (call $buf_lit (local.get $b) (global.get $S_BINARY))
        (call $buf_dec (local.get $b) (i64.extend_i32_u (local.get $n)))
        (call $buf_lit (local.get $b) (global.get $S_BYTES_SUM_WS))
        (call $buf_dec (local.get $b) (call $byte_sum (local.get $p) (local.get $n)))
        (call $free (local.get $p))))
    (call $buf_into_parts (local.get $b))
    (local.set $out_len)
    (local.set $out)
    (call $websocket_send_str (local.get $server) (local.get $out) (local.get $out_len))
    (call $ignore_exn)
    (call $free (local.get $out)))

  (func $drop_ws_message (param $box i32)
    (local $b i32)
    (call $externref_table_dealloc (i32.load (local.get $box)))
    (call $externref_table_dealloc (i32.load offset=4 (local.get $box)))
    (local.set $b (call $buf_new))
    (call $buf_lit (local.get $b) (global.get $S_LISTENER_DROPPED))
    (call $log_buf (local.get $b)))

  ;; On close, log the code and reason and close back with them, as a
  ;; server must before web_socket_auto_reply_to_close (an error, such as
  ;; for a socket this side closed first, is ignored).
  (func $ws_close_call (param $box i32) (param $event externref)
    (local $b i32) (local $rp i32) (local $p i32) (local $n i32) (local $code i32)
    (local.set $code (call $close_event_code (local.get $event)))
    (local.set $b (call $buf_new))
    (call $buf_lit (local.get $b) (global.get $S_SOCKET_CLOSED))
    (call $buf_dec (local.get $b) (i64.extend_i32_u (local.get $code)))
    (call $buf_lit (local.get $b) (global.get $S_SPACE))
    (local.set $rp (call $stack_enter (i32.const 16)))
    (call $close_event_reason (local.get $rp) (local.get $event))
    (call $string_result (local.get $rp))
    (local.set $n)
    (local.set $p)
    (call $stack_leave (i32.const 16))
    (call $buf_push (local.get $b) (local.get $p) (local.get $n))
    (call $websocket_close (table.get $externrefs (i32.load (local.get $box)))
                           (local.get $code) (local.get $p) (local.get $n))
    (call $ignore_exn)
    (call $free (local.get $p))
    (call $log_buf (local.get $b)))

  (func $drop_ws_close (param $box i32)
    (call $externref_table_dealloc (i32.load (local.get $box))))
)
