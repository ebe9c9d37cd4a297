/**
 * Known answers for the end-to-end tests, computed straight from the CSV files in data/ by a
 * deliberately naive second implementation (PapaParse, a Map of ids) — not by the code under test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';

export interface SourceRecord {
	id: string;
	year: number;
	organisation: string;
	programme: string;
	row: string[];
}

export function sourceRecords(dir = 'data'): { header: string[]; records: SourceRecord[] } {
	const file = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()[0];
	const parsed = Papa.parse<string[]>(readFileSync(`${dir}/${file}`, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
	const [header, ...rows] = parsed.data;
	const col = (name: string) => header.indexOf(name);
	return {
		header,
		records: rows.map((row) => ({
			id: row[col('case_id')],
			year: Number(row[col('registration_date')].slice(0, 4)),
			organisation: row[col('organisation')],
			programme: row[col('programme')],
			row
		}))
	};
}

/** Unique people per first year, optionally for one organisation (the first record decides). */
export function peopleByYear(records: SourceRecord[], organisation?: string): Map<number, number> {
	const first = new Map<string, SourceRecord>();
	for (const r of records) {
		const seen = first.get(r.id);
		if (!seen || r.year < seen.year) first.set(r.id, r);
	}
	const byYear = new Map<number, number>();
	for (const r of first.values()) if (!organisation || r.organisation === organisation) byYear.set(r.year, (byYear.get(r.year) ?? 0) + 1);
	return byYear;
}

export function peopleBetween(byYear: Map<number, number>, from: number, to: number): number {
	let n = 0;
	for (const [year, count] of byYear) if (year >= from && year <= to) n += count;
	return n;
}

export interface OraclePerson {
	year: number;
	organisation: string;
	/** ISO code as the sample writes it, '' when unknown. */
	nationality: string;
	disability: string;
	/** 'F', 'M' or '' as the sample writes it. */
	sex: string;
	/** Age in years, NaN when unknown. */
	age: number;
	/** The oblast or city as the sample writes it ('Bishkek', 'Osh city'), '' when unknown. */
	region: string;
	/** The beneficiary group as the sample writes it, '' when unknown. */
	group: string;
}

/** Each person once, with the attributes of their first record (the sample's columns are clean). */
export function people(): OraclePerson[] {
	const { header, records } = sourceRecords();
	const col = (name: string) => header.indexOf(name);
	const first = new Map<string, SourceRecord>();
	for (const r of records) {
		const seen = first.get(r.id);
		if (!seen || r.year < seen.year) first.set(r.id, r);
	}
	return [...first.values()].map((r) => ({
		year: r.year,
		organisation: r.organisation,
		nationality: r.row[col('nationality')].trim(),
		disability: r.row[col('disability')].trim(),
		sex: r.row[col('sex')].trim(),
		age: r.row[col('age')].trim() === '' ? NaN : Number(r.row[col('age')]),
		region: r.row[col('oblast')].trim(),
		group: r.row[col('beneficiary_group')].trim()
	}));
}
