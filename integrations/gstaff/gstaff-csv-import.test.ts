/** The client-register CSV export, in Shift_JIS (CP932), into G-Staff records. A1-5. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  GStaffCsvError,
  isJisX0208,
  parseGStaffClientCsv,
  parseGStaffWorkerCsv,
} from './gstaff-csv-import.js';

const header = '顧客コード,顧客名,法人番号,電話番号,取引状態,離職率,抵触日,過去トラブル,更新日時';
const sjis = (lines: string[]) => iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');

describe('G-Staff CSV import', () => {
  it('reads a Shift_JIS export with the default column map', () => {
    const { records, issues } = parseGStaffClientCsv(
      sjis([
        header,
        'G-1001,株式会社みなと物流,1010001000001,03-1234-5678,取引中,12%,品川第一倉庫:2027-03-31;大井ふ頭センター:2028-09-30,,2026-10-01T00:00:00Z',
        'G-0871,株式会社旧取引商事,,,取引終了,0.45,,2021-02-01:契約外業務の指示,2026-01-01T00:00:00Z',
      ]),
    );
    expect(issues).toEqual([]);
    expect(records).toEqual([
      expect.objectContaining({
        gstaffClientId: 'G-1001',
        name: '株式会社みなと物流',
        active: true,
        turnoverRate: 0.12,
        conflictDates: [
          { establishment: '品川第一倉庫', conflictDate: '2027-03-31' },
          { establishment: '大井ふ頭センター', conflictDate: '2028-09-30' },
        ],
      }),
      expect.objectContaining({
        gstaffClientId: 'G-0871',
        active: false,
        pastTroubles: [{ date: '2021-02-01', summary: '契約外業務の指示' }],
      }),
    ]);
  });

  it('reports characters outside JIS X 0208 and keeps them as written', () => {
    const { records, issues } = parseGStaffClientCsv(
      sjis([header, 'G-2001,株式会社髙橋工業①,,,取引中,,,,', 'G-2002,〓島商店,,,取引中,,,,']),
    );
    expect(records.map((r) => r.name)).toEqual(['株式会社髙橋工業①', '〓島商店']);
    expect(issues).toEqual([
      { line: 2, column: '顧客名', message: '"髙" (U+9AD9) is outside JIS X 0208; kept as written' },
      { line: 2, column: '顧客名', message: '"①" (U+2460) is outside JIS X 0208; kept as written' },
      {
        line: 3,
        column: '顧客名',
        message: '"〓" stands for a character the export could not write; check it in G-Staff',
      },
    ]);
  });

  it('knows JIS X 0208 from its extensions', () => {
    expect(['あ', '山', '々', 'ア', 'A', '－'].every(isJisX0208)).toBe(true);
    expect(['髙', '①', '﨑', '𠮷', 'Ⅰ'].some(isJisX0208)).toBe(false);
  });

  it('skips a row without its id, saying so, and refuses a file without the mapped columns', () => {
    const { records, issues } = parseGStaffClientCsv(sjis([header, ',株式会社名無し,,,,,,,']));
    expect(records).toEqual([]);
    expect(issues).toEqual([{ line: 2, column: '顧客コード', message: 'is empty; row skipped' }]);
    expect(() => parseGStaffClientCsv(sjis(['code,name', 'G-1,x']))).toThrow(GStaffCsvError);
  });

  it('skips a row whose code is longer than any G-Staff code, naming the column, and keeps the others', () => {
    const { records, issues } = parseGStaffClientCsv(
      sjis([header, `${'あ'.repeat(101)},株式会社長すぎ,,,,,,,`, 'G-7,株式会社ふつう,,,,,,,']),
    );
    expect(records.map((r) => r.gstaffClientId)).toEqual(['G-7']);
    expect(issues).toEqual([
      {
        line: 2,
        column: '顧客コード',
        message: 'is longer than 100 characters, which no G-Staff code is; row skipped',
      },
    ]);
    const workers = parseGStaffWorkerCsv(
      sjis([
        'スタッフコード,氏名,雇用区分,生年月日,派遣ID,顧客コード,事業所,組織単位,担当営業,派遣開始日,派遣終了日',
        `${'S'.repeat(101)},井上 悟,有期,,,,,,,,`,
        `S-020,森 由紀,有期,,${'H'.repeat(101)},G-1001,品川第一倉庫,出荷課,,2025-01-01,`,
        'S-021,林 剛,有期,,,,,,,,',
      ]),
    );
    expect(workers.workers.map((w) => w.workerId)).toEqual(['S-021']);
    expect(workers.issues).toEqual([
      { line: 2, column: 'スタッフコード', message: expect.stringContaining('row skipped') },
      { line: 3, column: '派遣ID', message: expect.stringContaining('the worker S-020 is left out') },
    ]);
  });

  it('takes a configured column map and UTF-8', () => {
    const { records } = parseGStaffClientCsv(Buffer.from('id,company\nX-1,株式会社ユーティーエフ\n'), {
      encoding: 'utf-8',
      columns: { gstaffClientId: 'id', name: 'company' },
    });
    expect(records).toEqual([
      expect.objectContaining({ gstaffClientId: 'X-1', name: '株式会社ユーティーエフ' }),
    ]);
  });
});

describe('G-Staff worker-register CSV import', () => {
  const workerHeader =
    'スタッフコード,氏名,雇用区分,生年月日,派遣ID,顧客コード,事業所,組織単位,担当営業,派遣開始日,派遣終了日';

  it('reads each worker with their assignments, and a worker without any', () => {
    const { workers, issues } = parseGStaffWorkerCsv(
      sjis([
        workerHeader,
        'S-002,小林 真由美,有期,1988/11/2,H-5,G-1001,品川第一倉庫,入荷課,sales.tokyo1,2023/4/1,2023/9/30',
        'S-002,小林 真由美,有期,1988/11/2,H-2,G-1001,品川第一倉庫,入荷課,sales.tokyo1,2023-12-01,',
        'S-003,中村 健二,無期,,,,,,,,',
      ]),
    );
    expect(issues).toEqual([]);
    expect(workers).toEqual([
      {
        workerId: 'S-002',
        name: '小林 真由美',
        employmentTerm: 'FIXED_TERM',
        birthDate: '1988-11-02',
        assignments: [
          expect.objectContaining({ assignmentId: 'H-5', startDate: '2023-04-01', endDate: '2023-09-30' }),
          expect.objectContaining({
            assignmentId: 'H-2',
            workerId: 'S-002',
            gstaffClientId: 'G-1001',
            establishment: '品川第一倉庫',
            organisationalUnit: '入荷課',
            salesRepId: 'sales.tokyo1',
            startDate: '2023-12-01',
          }),
        ],
      },
      { workerId: 'S-003', name: '中村 健二', employmentTerm: 'INDEFINITE', assignments: [] },
    ]);
  });

  it('leaves out a worker with an unreadable assignment or employment term, saying why', () => {
    const { workers, issues } = parseGStaffWorkerCsv(
      sjis([
        workerHeader,
        'S-010,井上 悟,有期,,H-10,G-1001,品川第一倉庫,出荷課,,2024-02-30,',
        'S-010,井上 悟,有期,,H-11,G-1001,品川第一倉庫,出荷課,,2025-01-01,',
        'S-011,森 由紀,派遣,,,,,,,,',
        'S-012,林 剛,有期,,,,,,,,',
      ]),
    );
    expect(workers.map((w) => w.workerId)).toEqual(['S-012']);
    expect(issues).toEqual([
      { line: 2, column: '派遣開始日', message: expect.stringContaining('the worker S-010 is left out') },
      { line: 4, column: '雇用区分', message: '"派遣" is neither 無期 nor 有期; the worker is left out' },
    ]);
  });
});
