/**
 * Kibana's date math as EuiSuperDatePicker writes it (`now-24h`, `now/d`, `now-1w/w`, or an ISO
 * date), resolved against a given now. Units as in Elasticsearch; rounding is in the local time
 * zone, as the picker shows times. Kibana's own resolver (@kbn/datemath) is only available to
 * entry files, so the views resolve ranges with this.
 */
const EXPRESSION = /^now((?:[+-]\d+[smhdwMy])*)(?:\/([smhdwMy]))?$/;
const STEP = /([+-])(\d+)([smhdwMy])/g;

function add(date: Date, amount: number, unit: string) {
  const next = new Date(date);
  if (unit === 's') next.setSeconds(next.getSeconds() + amount);
  else if (unit === 'm') next.setMinutes(next.getMinutes() + amount);
  else if (unit === 'h') next.setHours(next.getHours() + amount);
  else if (unit === 'd') next.setDate(next.getDate() + amount);
  else if (unit === 'w') next.setDate(next.getDate() + 7 * amount);
  else if (unit === 'M') next.setMonth(next.getMonth() + amount);
  else next.setFullYear(next.getFullYear() + amount);
  return next;
}

/** The start of the unit that holds `date`; weeks start on Sunday, Kibana's default dateFormat:dow. */
function startOf(date: Date, unit: string) {
  const rounded = new Date(date);
  if (unit === 's') rounded.setMilliseconds(0);
  else if (unit === 'm') rounded.setSeconds(0, 0);
  else if (unit === 'h') rounded.setMinutes(0, 0, 0);
  else {
    rounded.setHours(0, 0, 0, 0);
    if (unit === 'w') rounded.setDate(rounded.getDate() - rounded.getDay());
    if (unit === 'M') rounded.setDate(1);
    if (unit === 'y') rounded.setMonth(0, 1);
  }
  return rounded;
}

/**
 * The instant an expression names; `roundUp` takes the end of a rounded unit (for range ends).
 * Undefined for anything that is neither date math nor a date.
 */
export function resolveDateMath(
  expression: string,
  now: Date,
  { roundUp = false }: { roundUp?: boolean } = {}
): Date | undefined {
  const match = EXPRESSION.exec(expression.trim());
  if (!match) {
    const absolute = Date.parse(expression);
    return Number.isNaN(absolute) ? undefined : new Date(absolute);
  }
  let date = new Date(now);
  for (const [, sign, amount, unit] of match[1]!.matchAll(STEP)) {
    date = add(date, (sign === '-' ? -1 : 1) * Number(amount), unit!);
  }
  const roundTo = match[2];
  if (!roundTo) return date;
  const start = startOf(date, roundTo);
  return roundUp ? new Date(add(start, 1, roundTo).getTime() - 1) : start;
}
