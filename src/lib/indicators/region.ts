/** People by region (oblast or city), as the release publishes them: small oblasts in OTHER, the rest hidden in WITHHELD. */
import { categoryCountsSql, type Query } from './query';
import type { Level } from './level';

export const regionSql = (level: Level): Query => categoryCountsSql('region', level);
