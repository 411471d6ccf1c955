import moment from 'moment';

/** "3 minutes ago" / "in 4 minutes", relative to `now` so a render is consistent. */
export const relativeTime = (iso: string, now: number) => moment(iso).from(now);

/** "12 minutes", "2 days". */
export const humanDuration = (milliseconds: number) => moment.duration(milliseconds).humanize();

export const formatCount = (count: number) => count.toLocaleString('en-US');
