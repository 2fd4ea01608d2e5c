/** What day it is for the CLI: forecasts and the report's bottom line are dated the day they are made. */
import { isCalendarDate, utcToday } from "../format/dates.js";
import { ParleyError } from "../format/errors.js";

/** The day a forecast is made: today, in UTC (PARLEY_TODAY fixes it for tests; --record then refuses). */
export function today(): { date: string; fixed: boolean } {
  const real = utcToday();
  const fixed = process.env.PARLEY_TODAY;
  if (fixed === undefined || fixed === "") return { date: real, fixed: false };
  if (!isCalendarDate(fixed))
    throw new ParleyError({ code: "bad-environment", message: `PARLEY_TODAY='${fixed}' is not a date; write it as YYYY-MM-DD, or unset it` });
  return { date: fixed, fixed: fixed !== real };
}
