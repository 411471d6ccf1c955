/**
 * Mail-flow rhythm and the per-day plan of scheduled senders (newsletters, list announcements,
 * planted suspicious senders). Everything is a pure function of (seed, day), so any window can
 * be generated on demand.
 */
import { Rng } from './random';
import { MINUTE_MS } from '../../common/time';

export { MINUTE_MS };
export const DAY_MINUTES = 1440;

/** 1970-01-01 was a Thursday: weekday 0 = Sunday. */
export function weekday(day: number): number {
  return (day + 4) % 7;
}

export const isWorkday = (day: number) => weekday(day) >= 1 && weekday(day) <= 5;

function hourWeight(workday: boolean, hour: number): number {
  if (!workday) return hour >= 9 && hour <= 20 ? 0.3 : 0.12;
  if (hour < 6) return 0.12;
  if (hour === 6) return 0.35;
  if (hour === 7) return 0.8;
  if (hour <= 11) return 1.9;
  if (hour === 12) return 1.3;
  if (hour <= 16) return 1.8;
  if (hour === 17) return 1.0;
  if (hour <= 20) return 0.45;
  return 0.2;
}

/** Business-hours rhythm (UTC): 168 hour-of-week weights normalised to a mean of 1. */
const HOUR_OF_WEEK = (() => {
  const raw = Array.from({ length: 168 }, (_, i) => {
    const day = Math.floor(i / 24); // 0 = Sunday
    return hourWeight(day >= 1 && day <= 5, i % 24);
  });
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
  return raw.map((w) => w / mean);
})();

export function rhythmWeight(minute: number): number {
  const day = Math.floor(minute / DAY_MINUTES);
  const hour = Math.floor((minute % DAY_MINUTES) / 60);
  return HOUR_OF_WEEK[weekday(day) * 24 + hour]!;
}

export type ScheduledKind =
  | 'newsletter'
  | 'listAnnouncement'
  | 'lookalikeDomain'
  | 'homoglyphDomain'
  | 'spamHeavy'
  | 'spoofedLocalDomain'
  | 'partnerInvoices';

export interface ScheduledEvent {
  kind: ScheduledKind;
  /** Which newsletter (index into population.newsletters). */
  index?: number;
}

const between = (rng: Rng, fromHour: number, toHour: number) =>
  rng.int(fromHour * 60, toHour * 60 - 1);

/** minute-of-day → events scheduled in that minute. */
export function dayPlan(
  seed: number,
  day: number,
  newsletterCount: number
): Map<number, ScheduledEvent[]> {
  const rng = Rng.from(seed, 'day', day);
  const plan = new Map<number, ScheduledEvent[]>();
  const add = (minuteOfDay: number, event: ScheduledEvent) => {
    const list = plan.get(minuteOfDay) ?? [];
    list.push(event);
    plan.set(minuteOfDay, list);
  };
  const workday = isWorkday(day);
  for (let index = 0; index < newsletterCount; index++) {
    // The first newsletter is weekly-ish (workdays), the others daily.
    if (index === 0 && !workday) continue;
    add(between(rng, 5, 8), { kind: 'newsletter', index });
  }
  if (workday) {
    add(between(rng, 9, 11), { kind: 'listAnnouncement' });
    for (let i = 0; i < 3; i++) add(between(rng, 8, 17), { kind: 'lookalikeDomain' });
    for (let i = 0; i < 2; i++) add(between(rng, 8, 17), { kind: 'homoglyphDomain' });
    for (let i = 0; i < 2; i++) add(between(rng, 7, 19), { kind: 'spoofedLocalDomain' });
    for (let i = 0; i < 6; i++) add(between(rng, 8, 18), { kind: 'partnerInvoices' });
  }
  for (let i = 0; i < 20; i++) add(between(rng, 0, 24), { kind: 'spamHeavy' });
  return plan;
}
