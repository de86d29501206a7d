/**
 * The Node engines' parser: Parquet, JSON and XLSX parsed in this process (the browser parses in a
 * worker), with parquet-wasm's WebAssembly read from node_modules. Node only.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseToArrow, type FileParser } from '../ingest/parse';

/** parquet-wasm's WebAssembly, from node_modules. */
export const parquetWasmBytes = () => readFile(createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm'));

export const inlineParser: FileParser = (request, sink) => parseToArrow(request, sink, parquetWasmBytes);
