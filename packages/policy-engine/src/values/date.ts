/**
 * Dates as spec §8 reads them: RFC 3339 (offset optional, meaning UTC), a date alone (midnight
 * UTC), or epoch seconds (a JSON number only: "42" or "1e3" is not a date, so a typo'd
 * timestamp never reads as 1970). Impossible dates are unreadable, never rolled over; so is
 * second 60. Returns epoch milliseconds (fractions kept).
 */

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})?)?$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function offsetMinutes(tz: string | undefined): number | undefined {
  if (tz === undefined || tz === "Z" || tz === "z") return 0;
  const h = Number(tz.slice(1, 3));
  const min = Number(tz.slice(4, 6));
  if (h > 23 || min > 59) return undefined;
  return (tz[0] === "-" ? -1 : 1) * (h * 60 + min);
}

export function parseDateText(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const off = offsetMinutes(m[8]);
  if (off === undefined) return undefined;
  const fraction = m[7] ? Number(`0${m[7]}`) * 1000 : 0;
  const seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - off * 60;
  return seconds * 1000 + fraction;
}

export function readDate(value: unknown): number | undefined {
  if (typeof value === "string") return parseDateText(value);
  if (typeof value === "number" && Number.isFinite(value)) return value * 1000;
  return undefined;
}
