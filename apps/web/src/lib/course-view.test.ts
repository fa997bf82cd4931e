import { describe, expect, it } from 'vitest';
import { instructorName, periodText } from './course-view';

describe('instructorName', () => {
  const course = { instructorName: '정미경', instructorNameEn: 'Jeong Mi-gyeong' };

  it('gives English pages the name in Latin letters', () => {
    expect(instructorName(course, 'en')).toEqual({ name: 'Jeong Mi-gyeong', lang: 'en' });
  });

  it('keeps the Hangul name on Korean pages, and on English ones without a romanised name', () => {
    expect(instructorName(course, 'ko')).toEqual({ name: '정미경', lang: 'ko' });
    expect(instructorName({ ...course, instructorNameEn: null }, 'en')).toEqual({
      name: '정미경',
      lang: 'ko',
    });
  });
});

describe('periodText', () => {
  const plain = (s: string) => s.replace(/\u2060/g, '').replace(/\u00a0/g, ' ');
  const course = { firstDate: '2026-01-08', lastDate: '2026-02-12', meetingCount: 6 };

  it('counts the sessions after the number, in both languages', () => {
    expect(plain(periodText(course, 'en'))).toBe('Thu 8 Jan – Thu 12 Feb · 6 sessions');
    expect(plain(periodText(course, 'ko'))).toBe('1월 8일(목) ~ 2월 12일(목), 총 6회');
  });

  it('says one session in the singular', () => {
    const one = { firstDate: '2026-01-08', lastDate: '2026-01-08', meetingCount: 1 };
    expect(plain(periodText(one, 'en'))).toBe('Thu 8 Jan · 1 session');
  });
});
