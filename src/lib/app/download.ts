/**
 * Client-side downloads: everything is built in the page and handed to the browser as a Blob URL;
 * nothing is uploaded anywhere.
 */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// Give the browser time to start the download before the URL is revoked.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function safeFilename(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/[^\w.-]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80) || 'download'
	);
}

/** The chart's main SVG: Plot returns either an `<svg>` or a `<figure>` wrapping legends and the plot. */
export function findChartSvg(root: Element | null): SVGSVGElement | null {
	if (!root) return null;
	if (root instanceof SVGSVGElement) return root;
	const all = Array.from(root.querySelectorAll('svg'));
	// The plot is the largest SVG (legends are small swatches/ramps).
	let best: SVGSVGElement | null = null;
	let bestArea = -1;
	for (const s of all) {
		if (s.parentElement?.closest('svg')) continue;
		const area = (s.width.baseVal.value || s.clientWidth) * (s.height.baseVal.value || s.clientHeight);
		if (area > bestArea) {
			best = s;
			bestArea = area;
		}
	}
	return best;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy word wrap by an average character width (good enough for a caption under a chart). */
function wrap(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > maxChars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
	const box = svg.getBoundingClientRect();
	return { width: Math.round(svg.width.baseVal.value || box.width || 640), height: Math.round(svg.height.baseVal.value || box.height || 400) };
}

/**
 * A standalone SVG document of a chart as shown: Plot's title, colour legend (swatches and
 * ramps), the plot itself and the caption, laid out in one SVG with the page's text colour and
 * font written in, so the file looks the same outside the page. User text is escaped.
 */
export function serializeChart(root: Element, opts: { title?: string; background?: string } = {}): { text: string; width: number; height: number } {
	const main = findChartSvg(root);
	if (!main) throw new Error('There is no chart to download yet.');
	const style = getComputedStyle(main);
	const { width: w, height: h } = sizeOf(main);
	const pad = 16;
	const width = w + 2 * pad;
	const parts: string[] = [];
	let y = pad;
	const title = root.querySelector('h2')?.textContent?.trim() || opts.title || '';
	if (title) {
		parts.push(`<text x="${pad}" y="${y + 15}" font-size="16" font-weight="700" fill="currentColor">${escapeXml(title)}</text>`);
		y += 28;
	}
	// Swatch legends are HTML (a coloured square and a label per item): redrawn as SVG.
	const swatches = Array.from(root.querySelectorAll('span, div')).filter((el) => /-swatch$/.test(el.className.toString().split(' ')[0] ?? '') && el.querySelector(':scope > svg'));
	if (swatches.length) {
		let x = pad;
		for (const sw of swatches) {
			const fill = sw.querySelector(':scope > svg')?.getAttribute('fill') ?? 'currentColor';
			const label = sw.textContent?.trim() ?? '';
			const itemWidth = 15 + 6 + label.length * 6.5 + 14;
			if (x > pad && x + itemWidth > width - pad) {
				x = pad;
				y += 22;
			}
			parts.push(`<rect x="${x}" y="${y}" width="15" height="15" fill="${escapeXml(fill)}"/>`);
			parts.push(`<text x="${x + 21}" y="${y + 12}" font-size="11" fill="currentColor">${escapeXml(label)}</text>`);
			x += itemWidth;
		}
		y += 26;
	}
	const serializer = new XMLSerializer();
	const place = (svg: SVGSVGElement, at: number): string => {
		const clone = svg.cloneNode(true) as SVGSVGElement;
		const { width: sw, height: sh } = sizeOf(svg);
		clone.setAttribute('x', String(pad));
		clone.setAttribute('y', String(at));
		clone.setAttribute('width', String(sw));
		clone.setAttribute('height', String(sh));
		if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${sw} ${sh}`);
		clone.style.overflow = 'visible';
		return serializer.serializeToString(clone);
	};
	// Ramp legends are SVGs of their own, drawn above the plot.
	for (const legend of Array.from(root.querySelectorAll('svg'))) {
		if (legend === main || legend.parentElement?.closest('svg') || swatches.some((sw) => sw.contains(legend))) continue;
		parts.push(place(legend, y));
		y += sizeOf(legend).height + 8;
	}
	parts.push(place(main, y));
	y += h;
	const caption = root.querySelector('figcaption')?.textContent?.trim();
	if (caption) {
		y += 8;
		for (const line of wrap(caption, Math.max(20, Math.floor((width - 2 * pad) / 6.6)))) {
			y += 16;
			parts.push(`<text x="${pad}" y="${y}" font-size="12" fill="currentColor">${escapeXml(line)}</text>`);
		}
	}
	const height = Math.ceil(y + pad);
	const background = opts.background ? `<rect x="0" y="0" width="${width}" height="${height}" fill="${escapeXml(opts.background)}"/>` : '';
	const head = `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="color: ${escapeXml(style.color)}; font-family: ${escapeXml(style.fontFamily)}; font-size: 10px">`;
	const text = `<?xml version="1.0" encoding="UTF-8"?>\n${head}${title ? `<title>${escapeXml(title)}</title>` : ''}${background}${parts.join('')}</svg>`;
	return { text, width, height };
}

export function svgBlob(root: Element, opts: { title?: string; background?: string } = {}): Blob {
	return new Blob([serializeChart(root, opts).text], { type: 'image/svg+xml;charset=utf-8' });
}

/** PNG through a canvas, from a same-origin Blob URL of the serialised SVG (never tainted). */
export async function pngBlob(root: Element, opts: { title?: string; background?: string; scale?: number } = {}): Promise<Blob> {
	const { text, width, height } = serializeChart(root, opts);
	const scale = opts.scale ?? 2;
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		img.decoding = 'async';
		const loaded = new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart image could not be rendered.'));
		});
		img.src = url;
		await loaded;
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(width * scale));
		canvas.height = Math.max(1, Math.round(height * scale));
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser cannot draw on a canvas.');
		if (opts.background) {
			ctx.fillStyle = opts.background;
			ctx.fillRect(0, 0, canvas.width, canvas.height);
		}
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be created.'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
