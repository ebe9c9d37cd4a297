import { expect, it } from 'vitest';
import { UNKNOWN } from '$lib/types';
import { PACK_A, PACK_B, TEXT_BITS, dictionaries, unpack } from './attribute-codes';

it('unpack(row, dict) reverses the bit layout packExpression writes in SQL', () => {
	const dict = dictionaries();
	const codes = { organisation: dict.organisation.code('Org'), programme: dict.programme.code('Prog'), group: 0, region: dict.region.code('Naryn') };
	const b = { sex: dict.sex.code('female'), age: dict.age.code('60+'), disability: dict.disability.code('yes'), nationality: dict.nationality.code('AF'), exploitation: dict.exploitation.code('labour') };
	// The same layout as the SQL: last field in the lowest bits.
	let a = 0n;
	for (const f of PACK_A) a = (a << BigInt(TEXT_BITS)) | BigInt(codes[f as keyof typeof codes]);
	let packedB = 0;
	for (const [f, bits] of PACK_B) packedB = packedB * 2 ** bits + b[f as keyof typeof b];
	expect(unpack({ year: 2024, hi: Number(a >> 30n), lo: Number(a & 0x3fffffffn), b: packedB, n: 3 }, dict)).toEqual({
		year: 2024,
		n: 3,
		organisation: 'Org', programme: 'Prog', group: UNKNOWN, region: 'Naryn', sex: 'female', age: '60+', disability: 'yes', nationality: 'AF', exploitation: 'labour'
	});
	expect(() => {
		for (let i = 0; i < 8; i++) dict.sex.code(`s${i}`);
	}).toThrow('column "sex" has more than 8 different values: is it free text?');
});
