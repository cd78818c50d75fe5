import { formatFen } from '@domain/money.ts';

/** 350050 fen -> "3,500.50 元"; the server sends int8 as string. */
export function yuan(fen: number | string | null | undefined): string {
  if (fen === null || fen === undefined || fen === '') return '-';
  const [int, dec] = formatFen(fen).split('.');
  return `${Number(int).toLocaleString('zh-CN')}.${dec} 元`;
}

export const yesNo = (v: boolean | null | undefined) => (v ? '是' : '否');

export const listText = (values: readonly string[] | null | undefined) => (values?.length ? values.join('、') : '-');

export const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '-' : String(v));
