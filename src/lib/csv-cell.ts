/**
 * A CSV cell that a spreadsheet will not run (CSV injection, OWASP): text that begins with =, +,
 * -, @, a tab or a carriage return is a formula to Excel and LibreOffice (`=HYPERLINK(…)`,
 * `@SUM(…)`, `-2+3+cmd|…`), so it gets a leading apostrophe, which they show as text. A plain
 * number — the site's own figures, negative ones included — stays a number.
 */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: string | number): string | number {
	if (typeof value === 'number') return value;
	return FORMULA.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}
