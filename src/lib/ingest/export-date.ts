/**
 * The day an export was made, when nothing says otherwise: today, in the computer's own time zone
 * (a register exported this morning in Bishkek, UTC+6, holds registrations of a day UTC has not
 * reached yet). A registration after it is rejected (normaliseDate, normaliseYear).
 */
export function localDate(now = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
