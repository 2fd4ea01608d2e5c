/**
 * Whole numbers with thousands separators, as `toLocaleString("en-US")`
 * writes them ("262,144"), without Intl: the first `toLocaleString` of a
 * process sets up ICU's number formatting, about 15 ms of every command's
 * start-up for a comma.
 */
export function count(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n));
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
