import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineBreaks, splitRecords } from './split';
import { lineOfRecord } from './lines';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('splitRecords', () => {
	it('cuts after a line break outside quotes', () => {
		const text = 'h1,h2\n1,"a\nb"\n2,x\r\n3,"y"""\n4,z\n';
		const bytes = utf8(text);
		const parts = splitRecords(bytes, 3);
		expect(parts.map((p) => new TextDecoder().decode(bytes.subarray(p.start, p.end)))).toEqual(['h1,h2\n1,"a\nb"\n', '2,x\r\n3,"y"""\n', '4,z\n']);
		expect(parts.map((p) => lineBreaks(bytes, 0, p.start))).toEqual([0, 3, 5]);
	});

	it('gives one part for a file too short to cut, or one without a line break', () => {
		expect(splitRecords(utf8('h\n1\n'), 4).length).toBeLessThanOrEqual(2);
		expect(splitRecords(utf8('h,1,2'), 2)).toEqual([{ start: 0, end: 5 }]);
	});

	it('covers the whole file, each part starting a record, its lines where lineOfRecord finds them', () => {
		const field = fc.oneof(fc.constantFrom('', 'a', 'Бишкек', '"q""uoted"', '"line\nbreak"', '"x,y"', '"\r\n"'), fc.string({ maxLength: 4 }).map((s) => s.replace(/["\r\n,]/g, '')));
		const record = fc.array(field, { minLength: 1, maxLength: 4 }).map((fs) => fs.join(','));
		const file = fc.tuple(fc.array(record, { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'));
		fc.assert(
			fc.property(file, fc.integer({ min: 1, max: 5 }), ([records, eol], count) => {
				const bytes = utf8(records.join(eol) + eol);
				const parts = splitRecords(bytes, count);
				expect(parts[0].start).toBe(0);
				expect(parts.at(-1)!.end).toBe(bytes.length);
				parts.forEach((p, k) => k > 0 && expect(p.start).toBe(parts[k - 1].end));
				// Where each part starts is a record start, and its line is the one counted from the top.
				const starts: number[] = [];
				let offset = 0;
				for (const r of records) (starts.push(offset), (offset += utf8(r + eol).length));
				for (const p of parts) {
					const record = starts.indexOf(p.start);
					expect(record).toBeGreaterThanOrEqual(0);
					expect(lineOfRecord(bytes, [record])[0]).toBe(lineBreaks(bytes, 0, p.start) + 1);
				}
			})
		);
	});
});
