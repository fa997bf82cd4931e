import { describe, expect, it } from 'vitest';
import { formatInstantTime, formatTime, formatTimeRange } from './format';

describe('formatTime', () => {
  it('uses 12-hour time with the period where each language puts it', () => {
    expect(formatTime('14:00', 'ko')).toBe('오후 2:00');
    expect(formatTime('14:00', 'en')).toBe('2:00 PM');
    expect(formatTime('09:05', 'ko')).toBe('오전 9:05');
    expect(formatTime('12:30', 'ko')).toBe('오후 12:30');
    expect(formatTime('00:10', 'en')).toBe('12:10 AM');
  });
});

describe('formatTimeRange', () => {
  it('says the period once when it does not change', () => {
    expect(formatTimeRange('14:00', '15:30', 'ko')).toBe('오후 2:00–3:30');
    expect(formatTimeRange('14:00', '15:30', 'en')).toBe('2:00–3:30 PM');
  });

  it('says both periods across noon', () => {
    expect(formatTimeRange('11:00', '12:30', 'ko')).toBe('오전 11:00–오후 12:30');
    expect(formatTimeRange('11:00', '12:30', 'en')).toBe('11:00 AM–12:30 PM');
  });
});

describe('formatInstantTime', () => {
  it('shows an instant in Korea time whatever the host time zone', () => {
    expect(formatInstantTime('2026-01-08T04:52:10.000Z', 'ko')).toBe('오후 1:52');
    expect(formatInstantTime('2026-01-08T04:52:10.000Z', 'en')).toBe('1:52 PM');
  });
});
