import { describe, expect, it } from 'vitest';
import { bundledSender } from './protocol';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('bundledSender', () => {
  it('posts what is sent in one turn as one bundle, in order, and nothing twice', async () => {
    const posted: number[][] = [];
    const { send } = bundledSender<number>(
      (messages) => posted.push(messages),
      (flush) => setImmediate(flush),
    );
    for (let i = 0; i < 5; i++) send(i);
    expect(posted).toEqual([]);
    await nextTurn();
    send(5);
    await nextTurn();
    expect(posted).toEqual([[0, 1, 2, 3, 4], [5]]);
  });

  it('posts at once when a bundle is full', async () => {
    const posted: number[][] = [];
    const { send } = bundledSender<number>(
      (messages) => posted.push(messages),
      (flush) => setImmediate(flush),
      3,
    );
    for (let i = 0; i < 7; i++) send(i);
    expect(posted).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    await nextTurn();
    expect(posted.flat()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('flush posts what waits now, before a port closes', () => {
    const posted: string[][] = [];
    const { send, flush } = bundledSender<string>(
      (messages) => posted.push(messages),
      () => {},
    );
    send('result');
    send('closed');
    flush();
    flush();
    expect(posted).toEqual([['result', 'closed']]);
  });
});
