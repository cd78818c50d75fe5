// Times as Beijing sees them. The server dates everything in Asia/Shanghai; a browser set to
// another zone (a laptop set wrong, a screenshot server on UTC, an officer abroad) would
// otherwise show times 8 hours off.
export { beijingDateTime } from '@domain/registry/derive.ts';
