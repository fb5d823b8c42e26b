/**
 * Updates leave out what a device already has (month reports and history, news when unchanged). Whatever is left out, a device's view merged from its welcome and
 * every update must be exactly the view a device connecting afresh is given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBot } from '../../src/ai';
import { CAPITALS, type Capital, type GameState } from '../../src/engine';
import type { Order, SeatView, ServerMessage } from '../../src/rooms/protocol';
import { stateFromView } from '../../src/rooms/view';
import { joinSeats } from '../../src/session/room-bots';
import { startTestServer, type TestServer } from '../server/helpers';
import { newClass, rawSeat, until } from './helpers';

type Raw = Awaited<ReturnType<typeof rawSeat>>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite');
});
afterAll(async () => {
  await server?.close();
});

/** The device's view: its welcome's, with every update's parts laid over it (as RoomClient does). */
function merged(s: Raw): { view: SeatView; rules: GameState['rules']; seq: number; left: number } {
  let view: SeatView | null = null;
  let rules: GameState['rules'] | null = null;
  let seq = 0;
  let left = 0;
  for (const raw of s.frames) {
    const m = JSON.parse(raw) as ServerMessage;
    if (m.type === 'welcome') {
      view = m.view;
      rules = m.rules;
      seq = m.room.seq;
    } else if (m.type === 'update') {
      seq = m.room.seq;
      if (m.view) {
        if (!('news' in m.view)) left++;
        view = { ...view!, ...m.view };
      }
    }
  }
  return { view: view!, rules: rules!, seq, left };
}

let counter = 0;

describe('updates to a seat', () => {
  it('leave parts out, yet the merged view is the one a fresh connection gets', async () => {
    const { code } = await newClass(server.url);
    const joined = await joinSeats(server.url, code, 3, 'U');
    const seats = new Map<Capital, { token: string; s: Raw }>();
    for (const j of joined) {
      const s = await rawSeat(server.url, j.token);
      await s.next('welcome');
      seats.set(j.seat, { token: j.token, s });
    }
    const bot = getBot('historical')!;
    let last = 0;
    // Two months of the bot's orders for every seat (offers, answers, levers), then each seat's end.
    for (let month = 0; month < 2; month++) {
      for (const seat of CAPITALS) {
        const { s } = seats.get(seat)!;
        const m = merged(s);
        for (const a of bot.decide(stateFromView(m.view, m.rules), seat) as Order[]) {
          const id = `u${++counter}`;
          s.send({ type: 'order', id, action: a });
          const answer = await until(s, (f) => (f['type'] === 'ack' || f['type'] === 'error') && f['id'] === id, `answer ${id}`);
          if (answer['type'] === 'ack') last = Math.max(last, answer['seq'] as number);
          if (a.type === 'endTurn') break;
        }
      }
    }
    let left = 0;
    for (const [seat, { token, s }] of seats) {
      await until(s, (f) => f['type'] === 'update' && (f['room'] as { seq: number }).seq >= last, `${seat}'s last update`);
      // Updates are batched: wait until nothing more arrives.
      await new Promise((r) => setTimeout(r, 100));
      const mine = merged(s);
      left += mine.left;
      const fresh = await rawSeat(server.url, token);
      const welcome = (await fresh.next('welcome')) as unknown as Extract<ServerMessage, { type: 'welcome' }>;
      expect(welcome.room.seq).toBe(mine.seq);
      expect(mine.view, `${seat}'s merged view`).toEqual(welcome.view);
      fresh.ws.close();
    }
    // The rule at work: some updates did leave unchanged parts out.
    expect(left).toBeGreaterThan(0);
  });
});
