/**
 * LIKE patterns from what a user typed: % and _ are literal characters (a search for "50%" or "a_b" must not
 * match everything). Use with `LIKE ? ESCAPE '\'` (the constant below) in the SQL.
 */
export const LIKE_ESCAPE = "ESCAPE '\\'";
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
export const likeContains = (s: string) => `%${escapeLike(s)}%`;
export const likePrefix = (s: string) => `${escapeLike(s)}%`;
export const likeSuffix = (s: string) => `%${escapeLike(s)}`;
