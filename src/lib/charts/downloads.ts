/** Chart downloads in the browser: SVG as drawn, PNG at print resolution (2× by default). */

export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = Object.assign(document.createElement('a'), { href: url, download: filename });
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function standalone(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const { width, height } = svg.getBoundingClientRect();
	copy.setAttribute('width', String(Math.round(width || Number(svg.getAttribute('width')) || 640)));
	copy.setAttribute('height', String(Math.round(height || Number(svg.getAttribute('height')) || 320)));
	return new XMLSerializer().serializeToString(copy);
}

export function svgBlob(svg: SVGSVGElement): Blob {
	return new Blob([standalone(svg)], { type: 'image/svg+xml' });
}

export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const text = standalone(svg);
	const width = Number(/width="(\d+)"/.exec(text)?.[1] ?? 640);
	const height = Number(/height="(\d+)"/.exec(text)?.[1] ?? 320);
	const image = new Image();
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
	try {
		image.src = url;
		await image.decode();
		const canvas = Object.assign(document.createElement('canvas'), { width: width * scale, height: height * scale });
		const context = canvas.getContext('2d')!;
		context.fillStyle = '#fff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}
