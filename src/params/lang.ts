import type { ParamMatcher } from '@sveltejs/kit';

/** English lives at the root; the other languages under their code. */
export const match: ParamMatcher = (param) => param === 'ru' || param === 'ky';
