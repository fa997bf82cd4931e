import { describe, expect, it } from 'vitest';
import {
  deviceInfo,
  forgetPairing,
  pairingCodeFromHash,
  readDevice,
  readToken,
  saveDevice,
  savePairing,
} from './device';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const answer = {
  id: 'k1',
  name: '제3강의실 앞',
  venue: { ko: '용산아트홀', en: 'Yongsan Art Hall' },
  room: { ko: '제3강의실', en: 'Lecture Room 3' },
  enabledPlugins: ['checkin', 'signup', 'something-removed'],
};

describe('the kiosk device record', () => {
  it('keeps only plugins this build knows', () => {
    expect(deviceInfo(answer).enabledPlugins).toEqual(['checkin', 'signup']);
  });

  it('keeps the token and the description until the pairing is forgotten', () => {
    const storage = new MemoryStorage();
    savePairing(storage, 'token-1');
    expect(readDevice(storage)).toBeNull();
    saveDevice(storage, deviceInfo(answer));
    expect(readToken(storage)).toBe('token-1');
    expect(readDevice(storage)?.room.en).toBe('Lecture Room 3');
    // A new pairing drops the old description: it may be another kiosk's.
    savePairing(storage, 'token-2');
    expect(readDevice(storage)).toBeNull();
    forgetPairing(storage);
    expect(readToken(storage)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('reads a broken description as none', () => {
    const storage = new MemoryStorage();
    storage.setItem('seoro.kiosk.device', '{not json');
    expect(readDevice(storage)).toBeNull();
  });

  it('takes a pairing code from the address fragment only in its exact form', () => {
    expect(pairingCodeFromHash('#pair=K7QP-3MWX')).toBe('K7QP-3MWX');
    expect(pairingCodeFromHash('#pair=k7qp3mwx')).toBe('k7qp3mwx');
    expect(pairingCodeFromHash('')).toBeNull();
    expect(pairingCodeFromHash('#pair=<script>')).toBeNull();
    expect(pairingCodeFromHash('#other=K7QP-3MWX')).toBeNull();
  });
});
