/* Unused: wasm32's crt1.c (crt/wasm32/crt1.c) defines _start in C. */
