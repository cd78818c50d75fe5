// Times and "today" as Beijing sees them. The server dates everything in Asia/Shanghai; a
// browser set to another zone (a laptop set wrong, a screenshot server on UTC, an officer
// abroad) would otherwise show times 8 hours off and default dates to yesterday before 08:00.
import { todayInShanghai } from '@domain/registry/derive.ts';
import dayjs, { type Dayjs } from 'dayjs';

export { beijingDateTime, todayInShanghai } from '@domain/registry/derive.ts';

/** Today in Asia/Shanghai as a date for pickers and date defaults (midnight, browser-local, of that day). */
export const todayDayjs = (): Dayjs => dayjs(todayInShanghai());
