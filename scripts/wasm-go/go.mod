module example.com/wasm-go

go 1.24
