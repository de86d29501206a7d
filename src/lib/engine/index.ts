/**
 * The engine layer's public face: the `Engine` interface and the values it speaks, which every
 * environment shares. Each concrete engine is its own entry point, because each belongs to one
 * bundle: `./browser` (the DuckDB-WASM and parse workers, Vite only), `./native-node` (the CLI's
 * native DuckDB) and `./wasm-node` (Node tests). The workers import `./wasm-core` and
 * `./arrow-batch` directly for the same reason.
 */
export * from './engine';
export { isOutOfMemory, memoryInUse, memoryShare, memoryTight } from './memory';
