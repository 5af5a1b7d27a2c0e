/**
 * The command's clock: the moment it runs and the team's date. Time-zone
 * arithmetic comes from @date-fns/tz (meetings will need the same), never
 * from hand-written offsets.
 */
import { lightFormat } from 'date-fns/lightFormat';
import { InputError } from '../shared/errors.js';
import { checkDate } from './dates.js';

export interface Clock {
  now: Date;
  /** The date of `now` in the team's time zone (TEAM_TZ, else the machine's), YYYY-MM-DD. */
  today: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Whether `name` is an IANA time zone this Node knows (Asia/Shanghai, UTC). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.trim() !== '';
  } catch {
    return false;
  }
}

/**
 * The one clock setting. TEAM_TODAY=2026-11-23 pins the clock to noon of that
 * day in the team's zone (so the date is that day wherever the machine is);
 * TEAM_TODAY=2026-11-23T08:30 (or with Z / +08:00) pins that moment. Dates
 * (due dates, check-ins) and timestamps (created, closed, reviewed,
 * archived) then all follow it. TEAM_TZ=Asia/Shanghai counts dates in that
 * zone: a server on UTC still knows the shop's "today".
 * @example clockFrom({ TEAM_TODAY: '2026-11-23', TEAM_TZ: 'Asia/Shanghai' }, new Date()).today // '2026-11-23'
 */
export async function clockFrom(env: NodeJS.ProcessEnv, real: Date): Promise<Clock> {
  // Without TEAM_TZ the machine's zone is the Date's own: no Intl work on the common path.
  const zone = env.TEAM_TZ?.trim() || undefined;
  if (zone !== undefined && !isTimeZone(zone)) throw new InputError('err.invalidTimeZone', { value: zone });
  // @date-fns/tz loads only for a team that sets its zone.
  const { TZDate, tz } = zone === undefined ? { TZDate: undefined, tz: undefined } : await import('@date-fns/tz');
  const inZone = tz === undefined ? (d: Date) => d : tz(zone!);
  const pinned = env.TEAM_TODAY;
  let now = real;
  if (pinned !== undefined && pinned !== '') {
    const d = DATE.exec(pinned);
    // A well-formed date that does not exist (2026-02-30, or 2026-02-30T08:00) says why.
    if (d || DATE_TIME.test(pinned)) checkDate('TEAM_TODAY', pinned.slice(0, 10));
    let at: Date | undefined;
    if (d) {
      const [y, m, day] = [Number(d[1]), Number(d[2]) - 1, Number(d[3])];
      const noon = TZDate === undefined ? new Date(y, m, day, 12) : new TZDate(y, m, day, 12, zone!);
      if (lightFormat(noon, 'yyyy-MM-dd') === pinned) at = new Date(noon.getTime());
    } else if (DATE_TIME.test(pinned)) {
      // Without an offset, the time is the team's local time.
      at = /(Z|[+-]\d{2}:\d{2})$/.test(pinned) ? new Date(pinned) : parseLocal(pinned, TZDate && zone ? (parts) => new TZDate(...parts, zone) : (parts) => new Date(...parts));
    }
    if (at === undefined || Number.isNaN(at.getTime())) throw new InputError('err.invalidClock', { value: pinned });
    now = at;
  }
  return { now, today: lightFormat(inZone(now), 'yyyy-MM-dd') };
}

type Parts = readonly [number, number, number, number, number, number, number];

/** 2026-11-23T08:30[:15[.250]] as a moment, built by `at` in the team's zone. */
function parseLocal(text: string, at: (parts: Parts) => Date): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s = '0', ms = '0'] = m.slice(1).map((x) => x ?? '0') as string[];
  const moment = at([Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0'))]);
  return lightFormat(moment, "yyyy-MM-dd'T'HH:mm") === text.slice(0, 16) ? new Date(moment.getTime()) : undefined;
}
