/**
 * The duplicate-line count (`flagged.duplicateLines`), counted on sorted row hashes: the edge cases
 * of that method, worked by hand, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { suggestMapping } from '../../../src/lib/ingest/automap';
import { buildCanonical } from '../../../src/lib/ingest/build';
import { withDuplicateLines } from '../../../src/lib/ingest/duplicates';
import { inputFromBytes } from '../../../src/lib/ingest/input';
import { loadFiles } from '../../../src/lib/ingest/load';

let engines: Engine[];
beforeAll(async () => {
	engines = await Promise.all([createWasmNodeEngine(), createNativeEngine()]);
});
afterAll(async () => {
	await Promise.all(engines.map((e) => e.close()));
});

const file = (name: string, csv: string) => inputFromBytes(name, new TextEncoder().encode(csv));
const head = 'order_id,order_date,customer,sales,note\n';

const a = [
	'1,2021-01-04,a,10,x', // row 1
	'1,2021-01-04,a,10,x', // row 2: repeats row 1
	'1,2021-01-04,a,10,x', // row 3: repeats row 1 again
	'2,2021-01-05,b,20,', // row 4: empty note
	'2,2021-01-05,b,20,', // row 5: repeats row 4 (empty cells are equal)
	'2,2021-01-05,b,20,y', // row 6: differs from row 4 in the note only
	'3,2021-01-06,c,5,x' // row 7
];
// The same line as a.csv row 1, in another file: not a repeat of an earlier line in the same file.
const b = ['1,2021-01-04,a,10,x', '4,2021-01-07,d,8,z'];
const NOTE = '3 lines are an exact copy of an earlier line in the same file; duplicates are kept (they may be real repeat purchases).';

describe('duplicate lines', () => {
	it('counts every repeat of a line, empty cells included, within each file only', async () => {
		for (const engine of engines) {
			const loaded = await loadFiles(engine, [file('a.csv', `${head}${a.join('\n')}\n`), file('b.csv', `${head}${b.join('\n')}\n`)]);
			const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
			expect(quality.rowsRead, engine.name).toBe(9);
			expect(quality.flagged.duplicateLines, engine.name).toBe(3); // rows 2, 3 and 5 of a.csv
			expect(quality.notes, engine.name).toContain(NOTE);
		}
	});

	it('can be left for later (the page) and counted afterwards, to the same count and note', async () => {
		for (const engine of engines) {
			const loaded = await loadFiles(engine, [file('a.csv', `${head}${a.join('\n')}\n`), file('b.csv', `${head}${b.join('\n')}\n`)]);
			const { mapping } = suggestMapping(loaded.files);
			const { quality } = await buildCanonical(engine, loaded, mapping, { duplicates: 'later' });
			expect(quality.flagged.duplicateLines, engine.name).toBeNull();
			expect(quality.notes.join(' '), engine.name).not.toMatch(/exact copy/);
			const counted = await withDuplicateLines(engine, loaded.files, mapping, quality);
			expect(counted.flagged.duplicateLines, engine.name).toBe(3);
			expect(counted.notes, engine.name).toEqual([...quality.notes, NOTE]);
			// Everything else is the summary the build gave.
			expect({ ...counted, flagged: { ...counted.flagged, duplicateLines: null }, notes: quality.notes }, engine.name).toEqual(quality);
		}
	});

	it('is 0 when no line repeats', async () => {
		for (const engine of engines) {
			const loaded = await loadFiles(engine, [file('c.csv', `${head}1,2021-01-04,a,10,x\n1,2021-01-04,a,10,X\n`)]);
			const { quality } = await buildCanonical(engine, loaded, suggestMapping(loaded.files).mapping);
			expect(quality.flagged.duplicateLines, engine.name).toBe(0);
			expect(quality.notes.join(' '), engine.name).not.toMatch(/exact copy/);
		}
	});
});
