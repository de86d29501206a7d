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

/**
 * A standalone SVG document of the chart: namespaces set, size fixed, and the colours that Plot
 * takes from CSS (`currentColor`, the font) written onto the root so the file looks the same
 * outside the page.
 */
export function serializeSvg(svg: SVGSVGElement, opts: { title?: string; background?: string } = {}): { text: string; width: number; height: number } {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const style = getComputedStyle(svg);
	const box = svg.getBoundingClientRect();
	const width = Math.round(svg.width.baseVal.value || box.width || 640);
	const height = Math.round(svg.height.baseVal.value || box.height || 400);
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
	clone.style.color = style.color;
	clone.style.fontFamily = style.fontFamily;
	clone.style.fontSize = style.fontSize;
	if (opts.background) {
		clone.style.background = opts.background;
		const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
		rect.setAttribute('x', '0');
		rect.setAttribute('y', '0');
		rect.setAttribute('width', '100%');
		rect.setAttribute('height', '100%');
		rect.setAttribute('fill', opts.background);
		clone.insertBefore(rect, clone.firstChild);
	}
	if (opts.title && !clone.querySelector(':scope > title')) {
		const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
		t.textContent = opts.title;
		clone.insertBefore(t, clone.firstChild);
	}
	const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
	return { text, width, height };
}

export function svgBlob(svg: SVGSVGElement, opts: { title?: string; background?: string } = {}): Blob {
	return new Blob([serializeSvg(svg, opts).text], { type: 'image/svg+xml;charset=utf-8' });
}

/** PNG through a canvas, from a same-origin Blob URL of the serialised SVG (never tainted). */
export async function pngBlob(svg: SVGSVGElement, opts: { title?: string; background?: string; scale?: number } = {}): Promise<Blob> {
	const { text, width, height } = serializeSvg(svg, opts);
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
