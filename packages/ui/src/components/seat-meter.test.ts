import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import SeatMeter from './SeatMeter.svelte';

const legend = {
  taken: '신청된 자리',
  free: '빈 자리',
  summary: '자리 10석: 신청된 자리 6석, 빈 자리 4석',
};

function squares(body: string) {
  // The squares come before the key, whose two sample squares are not seats.
  const row = body.split('class="legend')[0]!;
  const all = row.match(/class="seat(?: [^"]*)?"/g) ?? [];
  return { taken: all.filter((c) => c.includes('taken')).length, total: all.length };
}

describe('SeatMeter', () => {
  it('fills the taken seats and leaves the free ones empty, the sentence beside them', () => {
    const { body } = render(SeatMeter, {
      props: { capacity: 10, taken: 6, label: '10석 중 4석 남음', legend },
    });
    expect(squares(body)).toEqual({ taken: 6, total: 10 });
    expect(body).toContain('10석 중 4석 남음');
    // The squares say both counts to a screen reader; the key says which square is which.
    expect(body).toContain(`role="img"`);
    expect(body).toContain(`aria-label="${legend.summary}"`);
    expect(body).toContain('신청된 자리');
    expect(body).toContain('빈 자리');
  });

  it('is all filled when full and all empty when nobody has registered', () => {
    const full = render(SeatMeter, { props: { capacity: 4, taken: 9, label: '정원 마감' } });
    expect(squares(full.body)).toEqual({ taken: 4, total: 4 });
    const empty = render(SeatMeter, { props: { capacity: 4, taken: 0, label: '4석 중 4석 남음' } });
    expect(squares(empty.body)).toEqual({ taken: 0, total: 4 });
    // Without a key the squares are decoration: hidden, the sentence says it.
    expect(empty.body).toContain('aria-hidden="true"');
  });

  it('shows no squares and no key for a cancelled course', () => {
    const { body } = render(SeatMeter, {
      props: { capacity: 10, taken: 3, label: '폐강', legend, showSeats: false },
    });
    expect(body).not.toContain('class="seat');
    expect(body).not.toContain(legend.taken);
  });
});
