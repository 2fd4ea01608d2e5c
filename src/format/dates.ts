/** Calendar dates as the scenario format and the forecasts write them: YYYY-MM-DD, in UTC. */

/** Today's date in UTC, YYYY-MM-DD: the day a forecast is made. */
export const utcToday = (): string => new Date().toISOString().slice(0, 10);

/** Whether `s` is a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
