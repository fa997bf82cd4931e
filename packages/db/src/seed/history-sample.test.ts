import { describe, expect, it } from 'vitest';
import { readHistorySample } from './history-sample';

describe('the sample of past terms', () => {
  it('holds exactly the totals the district reports: 275 courses, 3,144 learners, 217 instructors', async () => {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await readHistorySample());
    const [header, ...lines] = text.trimEnd().split('\n');
    expect(header).toBe('기수,강좌명,강사,수강생 수,회차,출석 연인원,수료생');
    // No quoted cells in the sample, so a plain split reads it.
    expect(text).not.toContain('"');
    const rows = lines.map((line) => line.split(','));
    expect(rows.every((row) => row.length === 7)).toBe(true);
    expect(rows).toHaveLength(275);
    expect(rows.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(3144);
    expect(new Set(rows.map((row) => row[2])).size).toBe(217);
    const terms = new Set(rows.map((row) => row[0]));
    expect(terms.has('2015-1') && terms.has('2025-2')).toBe(true);
    for (const [, , , learners, meetings, attendances, completed] of rows.map((r) =>
      r.map(Number),
    )) {
      expect(meetings).toBeGreaterThanOrEqual(4);
      expect(meetings).toBeLessThanOrEqual(12);
      expect(attendances).toBeLessThanOrEqual(learners! * meetings!);
      expect(completed).toBeLessThanOrEqual(learners!);
    }
  });
});
