import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BankLine, decodeBankText, parseBankResult, parseCsv, writeBankFile } from './bank-file.ts';

const line = (o: Partial<BankLine> = {}): BankLine => ({
  detailNo: 'PF2019-000001-0001',
  payeeName: '陈国华',
  account: '6228480012345678901',
  bankName: '中国农业银行会泽支行',
  amountFen: 48000,
  purpose: '外出务工交通补助（会泽县）TR-HZ',
  ...o,
});

describe('bank instruction file (代发)', () => {
  it('writes the header and one line per payment with the amount in yuan', () => {
    const text = writeBankFile([line(), line({ detailNo: 'PF2019-000001-0002', payeeName: '李秀英', amountFen: 10005 })]);
    expect(text.split('\r\n')).toEqual([
      '序号,户名,账号,开户行,金额(元),用途,明细号',
      '1,陈国华,6228480012345678901,中国农业银行会泽支行,480.00,外出务工交通补助（会泽县）TR-HZ,PF2019-000001-0001',
      '2,李秀英,6228480012345678901,中国农业银行会泽支行,100.05,外出务工交通补助（会泽县）TR-HZ,PF2019-000001-0002',
      '',
    ]);
  });

  it('neutralises formula-looking names and quotes commas', () => {
    const text = writeBankFile([line({ payeeName: '=HYPERLINK("x")', bankName: '农行,会泽' })]);
    expect(text).toContain(`1,"'=HYPERLINK(""x"")",6228480012345678901,"农行,会泽",480.00`);
  });

  it('reads back exactly what it wrote, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), bank: fc.string(), fen: fc.nat(10_000_000) }), { maxLength: 8 }),
        (rows) => {
          const lines = rows.map((r, i) =>
            line({ detailNo: `D${i}`, payeeName: `户${r.name}`, bankName: `行${r.bank}`, amountFen: r.fen }),
          );
          const parsed = parseCsv(writeBankFile(lines));
          expect(parsed.slice(1).map((r) => [r[1], r[3], r[6]])).toEqual(lines.map((l) => [l.payeeName, l.bankName, l.detailNo]));
        },
      ),
    );
  });
});

describe('bank result file', () => {
  it('reads success and failure lines, with a BOM and header aliases', () => {
    const text = '\uFEFF明细号,处理结果,失败原因,银行流水号\r\nD1,成功,,B0001\r\nD2,失败,账户已销户,\r\n\r\n';
    expect(parseBankResult(text)).toEqual({
      problems: [],
      lines: [
        { line: 2, detailNo: 'D1', outcome: 'paid', reason: '', bankRef: 'B0001' },
        { line: 3, detailNo: 'D2', outcome: 'failed', reason: '账户已销户', bankRef: '' },
      ],
    });
  });

  it('reads a GBK result file as banks often send it', () => {
    // 明细号,结果,失败原因,银行流水号\r\nD1,失败,户名不符,\r\n in GBK
    const gbk = Uint8Array.from([
      0xc3, 0xf7, 0xcf, 0xb8, 0xba, 0xc5, 0x2c, 0xbd, 0xe1, 0xb9, 0xfb, 0x2c, 0xca, 0xa7, 0xb0, 0xdc, 0xd4, 0xad, 0xd2, 0xf2,
      0x2c, 0xd2, 0xf8, 0xd0, 0xd0, 0xc1, 0xf7, 0xcb, 0xae, 0xba, 0xc5, 0x0d, 0x0a, 0x44, 0x31, 0x2c, 0xca, 0xa7, 0xb0, 0xdc,
      0x2c, 0xbb, 0xa7, 0xc3, 0xfb, 0xb2, 0xbb, 0xb7, 0xfb, 0x2c, 0x0d, 0x0a,
    ]);
    expect(parseBankResult(decodeBankText(gbk)).lines).toEqual([
      { line: 2, detailNo: 'D1', outcome: 'failed', reason: '户名不符', bankRef: '' },
    ]);
    expect(decodeBankText(new TextEncoder().encode('明细号'))).toBe('明细号');
  });

  it('names the line and column of every problem', () => {
    const text = '明细号,结果,失败原因,银行流水号\nD1,成功,,\nD2,失败,,\nD3,退票,,\nD1,成功,,B1\n,成功,,B2\n';
    expect(parseBankResult(text).problems).toEqual([
      { line: 2, column: '银行流水号', value: '', message: '结果为成功时必须有银行流水号' },
      { line: 3, column: '失败原因', value: '', message: '结果为失败时必须填写失败原因' },
      { line: 4, column: '结果', value: '退票', message: '应为“成功”或“失败”' },
      { line: 5, column: '明细号', value: 'D1', message: '与第 2 行重复' },
      { line: 6, column: '明细号', value: '', message: '不能为空' },
    ]);
  });

  it('refuses a file without the needed columns or without lines', () => {
    expect(parseBankResult('序号,金额\n1,2\n').problems.map((p) => p.message)).toEqual([
      '表头缺少「明细号」列',
      '表头缺少「结果」列',
      '表头缺少「银行流水号」列',
    ]);
    expect(parseBankResult('明细号,结果,银行流水号\n').problems.map((p) => p.message)).toEqual(['文件没有数据行']);
  });
});
