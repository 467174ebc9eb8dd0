/**
 * TypeORM's postgres driver answers `query()` for UPDATE and DELETE with `[rows, rowCount]`, and
 * for SELECT and INSERT with the rows. This gives the rows of a RETURNING clause either way.
 */
export function returningRows<T = any>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return (result as T[]) ?? [];
}
