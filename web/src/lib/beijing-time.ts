// Times and "today" as Beijing sees them. The server dates everything in Asia/Shanghai; a
// browser set to another zone (a laptop set wrong, a screenshot server on UTC, an officer
// abroad) would otherwise show times 8 hours off and default dates to yesterday before 08:00.
import { beijingDateTime, todayInShanghai } from '@domain/registry/derive.ts';
import dayjs, { type Dayjs } from 'dayjs';

export { beijingDateTime, todayInShanghai } from '@domain/registry/derive.ts';

/** Today in Asia/Shanghai as a date for pickers and date defaults (midnight, browser-local, of that day). */
export const todayDayjs = (): Dayjs => dayjs(todayInShanghai());

/**
 * Beijing's wall clock at `now` as a browser-local Dayjs: its date, hour and minute are what a
 * clock in Beijing shows (the instant it stands for is off by the zones' difference, which a
 * picker never looks at). The date pickers take it as "now" (beijing-picker.ts).
 */
export const beijingNowDayjs = (now: Date = new Date()): Dayjs => dayjs(beijingDateTime(now.toISOString()));
