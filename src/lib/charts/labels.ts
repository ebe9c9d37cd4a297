/** Chart options for a display context: labels in the page's language, display rules on. */
import type { DisplayContext } from '$lib/types';
import { categoryLabel } from '$lib/i18n/format';
import type { ChartOptions } from './common';

export function chartOptions(ctx: DisplayContext): ChartOptions {
	return { ctx, label: (field, value) => categoryLabel(field, value, ctx.lang) };
}
