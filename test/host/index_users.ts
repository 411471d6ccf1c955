/**
 * The hosts of this process using each index. Kibana nodes share `.kibana*` and never delete it;
 * a test host deletes its indices on stop only once no other host here still uses them.
 */
const hostsUsing = new Map<string, number>();

/** Counts a host in; the returned function counts it out and names the indices nobody uses now. */
export function countIndexUser(indices: readonly string[]): () => string[] {
  for (const index of indices) hostsUsing.set(index, (hostsUsing.get(index) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return [];
    released = true;
    return indices.filter((index) => {
      const left = (hostsUsing.get(index) ?? 1) - 1;
      if (left > 0) hostsUsing.set(index, left);
      else hostsUsing.delete(index);
      return left <= 0;
    });
  };
}
