;; The Wasm side of the edge-case worker (worker.js): each export is one
;; behaviour the JS API must get right. Build with build.sh.
(module
  ;; env.thrower is a JS function that may throw; callThrower calls it.
  (import "env" "thrower" (func $thrower (param i32)))

  ;; One page, growable to four.
  (memory (export "memory") 1 4)

  ;; A funcref table holding answer and double, and an externref table
  ;; that JS grows and fills.
  (table $funcs (export "funcs") 2 4 funcref)
  (elem (table $funcs) (i32.const 0) func $answer $double)
  (table $refs (export "refs") 1 externref)

  (global $counter (export "counter") (mut i32) (i32.const 0))
  (global (export "big") i64 (i64.const 9007199254740993))
  (global (export "wide") (mut i64) (i64.const -1))
  (global (export "pi") f64 (f64.const 3.141592653589793))

  (type $nullary (func (result i32)))

  (func $answer (export "answer") (result i32)
    i32.const 42)
  (func $double (export "double") (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 2)))

  ;; Traps.
  (func (export "unreachable")
    unreachable)
  (func (export "div") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32)
    (i32.load (local.get 0)))
  (func (export "store") (param i32 i32)
    (i32.store (local.get 0) (local.get 1)))
  (func $recurse (export "recurse") (param i32) (result i32)
    (call $recurse (i32.add (local.get 0) (i32.const 1))))

  ;; Memory and tables, seen from Wasm.
  (func (export "grow") (param i32) (result i32)
    (memory.grow (local.get 0)))
  (func (export "pages") (result i32)
    memory.size)
  (func (export "callIndirect") (param i32) (result i32)
    (call_indirect $funcs (type $nullary) (local.get 0)))
  (func (export "getRef") (param i32) (result externref)
    (table.get $refs (local.get 0)))
  (func (export "refCount") (result i32)
    (table.size $refs))

  ;; An import that throws: the exception passes through Wasm.
  (func (export "callThrower") (param i32) (result i32)
    (call $thrower (local.get 0))
    i32.const 7)

  ;; i64 as BigInt, and a function with two results.
  (func (export "add64") (param i64 i64) (result i64)
    (i64.add (local.get 0) (local.get 1)))
  (func (export "pair") (param i32) (result i32 i64)
    (local.get 0)
    (i64.extend_i32_s (local.get 0)))

  (func (export "bump") (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (global.get $counter))
)
