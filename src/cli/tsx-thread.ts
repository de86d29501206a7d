import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The source of a worker thread that runs the TypeScript module at `moduleUrl`. A worker's entry
 * module is loaded before any --import hook applies in it, so tsx cannot compile the module there
 * directly: the thread registers tsx's ESM hooks first, then imports the module.
 */
export function tsxThreadSource(moduleUrl: string): string {
	const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
	return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl)}); });`;
}
