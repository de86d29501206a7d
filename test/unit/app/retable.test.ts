import { describe, expect, it } from 'vitest';
import { retable } from '../../../src/lib/app/mapping';
import { IngestError, type LoadedFile, type Mapping } from '../../../src/lib/ingest/index';

const file = (name: string, table: string): LoadedFile => ({ name, table, format: 'csv', rows: 1, columns: [], signature: name, readOptions: {}, notes: [] });

const chosen: Mapping = {
	files: [
		{ table: 'raw_1', file: 'lines.csv', role: 'transactions', fields: { order_id: 'Invoice', revenue: 'Total' }, attributes: {} },
		{ table: 'raw_2', file: 'people.csv', role: 'customers', fields: { customer_id: 'Id' }, attributes: { age: 'Age' } }
	]
};

describe('a mapping carried over to the same files read again', () => {
	it('points each file mapping at the file\'s new table and keeps every choice', () => {
		const out = retable(chosen, [file('lines.csv', 'raw_1'), file('people.csv', 'raw_2')], [file('lines.csv', 'raw_7'), file('people.csv', 'raw_8')]);
		expect(out.files.map((m) => m.table)).toEqual(['raw_7', 'raw_8']);
		expect(out.files.map(({ table: _, ...rest }) => rest)).toEqual(chosen.files.map(({ table: _, ...rest }) => rest));
	});

	it('follows position, so two files of the same name keep their own mappings', () => {
		const twin: Mapping = { files: [{ ...chosen.files[0], table: 'raw_2' }, { ...chosen.files[0], table: 'raw_1', fields: { revenue: 'Other' } }] };
		const out = retable(twin, [file('a.csv', 'raw_1'), file('a.csv', 'raw_2')], [file('a.csv', 'raw_5'), file('a.csv', 'raw_6')]);
		expect(out.files.map((m) => [m.table, m.fields.revenue])).toEqual([
			['raw_6', 'Total'],
			['raw_5', 'Other']
		]);
	});

	it('refuses, naming the file, when a file did not read again', () => {
		const before = [file('lines.csv', 'raw_1'), file('people.csv', 'raw_2')];
		const attempt = () => retable(chosen, before, [file('lines.csv', 'raw_7')]);
		expect(attempt).toThrow(IngestError);
		expect(attempt).toThrow(/people\.csv did not read as before\. Load the files again\./);
	});
});
