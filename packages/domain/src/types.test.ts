import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localize } from './types';

describe('localize', () => {
  const title = { ko: '스마트폰 기초', en: 'Smartphone basics' };

  it('returns the requested locale', () => {
    expect(localize(title, 'ko')).toBe('스마트폰 기초');
    expect(localize(title, 'en')).toBe('Smartphone basics');
  });

  it('falls back to Korean when there is no English text', () => {
    expect(localize({ ko: '서예', en: null }, 'en')).toBe('서예');
    expect(localize({ ko: '서예', en: '' }, 'en')).toBe('서예');
    expect(localize({ ko: '서예', en: '   ' }, 'en')).toBe('서예');
  });

  it('always returns ko for Korean and never returns an empty translation', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), (ko, en) => {
        const text = { ko, en };
        expect(localize(text, 'ko')).toBe(ko);
        const shown = localize(text, 'en');
        expect(shown === en || shown === ko).toBe(true);
        if (en === null || en.trim() === '') expect(shown).toBe(ko);
      }),
    );
  });
});
