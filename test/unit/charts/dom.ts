/**
 * The DOM the chart and report tests draw with: linkedom, plus the two things Plot needs that
 * linkedom lacks (each shim says why).
 */
import { parseHTML } from 'linkedom';

type LinkedomWindow = ReturnType<typeof parseHTML>;

/** A fresh linkedom document, to pass as Plot's / the report's `document`. */
export function createTestDocument(): Document {
	const window = parseHTML('<!doctype html><html><body></body></html>');
	shim(window);
	return window.document;
}

let shimmed = false;

/** linkedom's classes are shared by every document it makes, so the prototypes are patched once. */
function shim({ Element, HTMLCanvasElement }: LinkedomWindow): void {
	if (shimmed) return;
	shimmed = true;

	// Browsers forward `element.style = "…"` to `style.cssText`; linkedom's `style` has only a getter,
	// and Plot assigns its `style` option this way when it is a string (our charts' `frame()` does).
	const style = Object.getOwnPropertyDescriptor(Element.prototype, 'style');
	if (style?.get && !style.set) {
		Object.defineProperty(Element.prototype, 'style', {
			...style,
			set(this: Element & ElementCSSInlineStyle, value: string) {
				this.style.cssText = value;
			}
		});
	}

	// Without the optional native `canvas` package linkedom's `getContext('2d')` returns null, and
	// Plot's continuous colour legend (RFM heatmap, cohorts) paints a 256×1 canvas through it. A
	// context that ignores the painting is enough: the ramp's image then gets linkedom's empty
	// `toDataURL()`, and no test looks at pixels.
	const getContext = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, type: string) => unknown;
	Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
		configurable: true,
		writable: true,
		value(this: HTMLCanvasElement, type: string) {
			return getContext.call(this, type) ?? (type === '2d' ? { fillStyle: '', fillRect() {} } : null);
		}
	});
}
