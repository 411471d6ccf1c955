import {
  DATE_CULTURES,
  DEFAULT_DATE_CULTURE,
  type DateCulture,
} from '../../../common/http_api/files';
import { wallTimeToUtc, type WallTime } from './time_zone';

export interface DateReading {
  /** Times written without a zone are in this IANA zone; UTC when absent. */
  timeZone?: string;
  dateCulture?: DateCulture;
}

export class DateFormatError extends Error {}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/** ConvertTo-Json in Windows PowerShell 5.1 writes DateTime as `/Date(ms)/` (UTC milliseconds). */
const MS_AJAX = /^\\?\/Date\((-?\d+)(?:[+-]\d{4})?\)\\?\/$/;

interface CulturePattern {
  /** How the culture's short date + long time look, for messages. */
  shape: string;
  regex: RegExp;
  wall(match: RegExpExecArray): WallTime;
}

const time = (hour: string, minute: string, second: string) => ({
  hour: Number(hour),
  minute: Number(minute),
  second: Number(second),
});
const dayFirst = (separator: string, shape: string): CulturePattern => ({
  shape,
  regex: new RegExp(
    `^(\\d{1,2})\\${separator}(\\d{1,2})\\${separator}(\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2})$`
  ),
  wall: (m) => ({ day: +m[1]!, month: +m[2]!, year: +m[3]!, ...time(m[4]!, m[5]!, m[6]!) }),
});

/** DateTime.ToString() in each culture (short date pattern + long time pattern). */
const CULTURES: Record<DateCulture, CulturePattern> = {
  'en-US': {
    shape: 'M/d/yyyy h:mm:ss AM/PM',
    regex: /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ?([AP]M)$/i,
    wall: (m) => {
      const hour12 = Number(m[4]);
      const pm = m[7]!.toUpperCase() === 'PM';
      // 0 AM or 13 PM do not exist: an hour of 24 makes the date invalid.
      const hour = hour12 < 1 || hour12 > 12 ? 24 : (hour12 % 12) + (pm ? 12 : 0);
      return { month: +m[1]!, day: +m[2]!, year: +m[3]!, ...time(String(hour), m[5]!, m[6]!) };
    },
  },
  'en-GB': dayFirst('/', 'dd/MM/yyyy HH:mm:ss'),
  'fr-FR': dayFirst('/', 'dd/MM/yyyy HH:mm:ss'),
  'de-DE': dayFirst('.', 'dd.MM.yyyy HH:mm:ss'),
  'nl-NL': dayFirst('-', 'd-M-yyyy HH:mm:ss'),
  'ja-JP': {
    shape: 'yyyy/MM/dd H:mm:ss',
    regex: /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})$/,
    wall: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, ...time(m[4]!, m[5]!, m[6]!) }),
  },
};

function isRealWallTime(wall: WallTime): boolean {
  const check = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  return (
    wall.month >= 1 &&
    check.getUTCFullYear() === wall.year &&
    check.getUTCMonth() === wall.month - 1 &&
    check.getUTCDate() === wall.day &&
    check.getUTCHours() === wall.hour &&
    wall.second < 60
  );
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function utcString(millis: number, fraction = ''): string {
  const date = new Date(millis);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${fraction}Z`
  );
}

/** A zone-less reading: as written when no zone was given (read as UTC downstream), else in UTC. */
function fromWallTime(wall: WallTime, reading: DateReading, fraction = ''): string {
  if (!reading.timeZone || reading.timeZone === 'UTC') {
    return utcString(
      Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second),
      fraction
    );
  }
  return utcString(wallTimeToUtc(wall, reading.timeZone), fraction);
}

function cultureMismatch(raw: string, culture: DateCulture): string {
  const readable = DATE_CULTURES.filter(
    (other) => other !== culture && CULTURES[other].regex.test(raw)
  );
  const expected = `expected ISO 8601 or ${culture} (${CULTURES[culture].shape})`;
  return readable.length > 0
    ? `"${raw}" is not a ${culture} date (${CULTURES[culture].shape}); it reads as ${readable.join(' or ')}: choose the date culture of the machine that exported the file`
    : `"${raw}" is not a date this import can read: ${expected}`;
}

/**
 * A Received value as a Graph-style date-time string. ISO values keep their precision (the
 * Reporting Web Service's 7 fractional digits included) and, when they have no zone and no zone
 * was given, stay zone-less: the mapper reads them as UTC, as Elasticsearch does.
 */
export function readReceived(raw: string, reading: DateReading = {}): string {
  const value = raw.trim();
  const iso = ISO.exec(value);
  if (iso) {
    const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = iso;
    const wall = { year: +year!, month: +month!, day: +day!, hour: +hour!, minute: +minute! };
    if (!isRealWallTime({ ...wall, second: +second })) {
      throw new DateFormatError(`"${raw}" is not a valid date`);
    }
    if (zone) return value.replace(' ', 'T');
    if (!reading.timeZone) return value.replace(' ', 'T');
    return fromWallTime({ ...wall, second: +second }, reading, fraction);
  }
  const ajax = MS_AJAX.exec(value);
  if (ajax) return new Date(Number(ajax[1])).toISOString();
  const culture = reading.dateCulture ?? DEFAULT_DATE_CULTURE;
  const match = CULTURES[culture].regex.exec(value);
  if (!match) throw new DateFormatError(cultureMismatch(value, culture));
  const wall = CULTURES[culture].wall(match);
  if (!isRealWallTime(wall)) {
    throw new DateFormatError(
      `"${raw}" is not a valid ${culture} date (${CULTURES[culture].shape})`
    );
  }
  return fromWallTime(wall, reading);
}
