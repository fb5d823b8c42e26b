import { describe, expect, it } from 'vitest';
import {
  MESSAGE_MAX_CHARS,
  MESSAGE_RATE,
  MessageRateLimit,
  canRead,
  checkDraft,
  readableMessages,
  recipientsOf,
  type RoomMessage,
} from '../../src/rooms/messages';
import { messagesCsv } from '../../src/server/console/messages-csv';

const playing = { muted: false, stage: 'playing' as const };

function msg(over: Partial<RoomMessage>): RoomMessage {
  return { id: 'm1', room: 'r1', from: 'moscow', to: ['pyongyang'], turn: 1, text: 'hello', offerId: null, hidden: false, at: 1000, ...over };
}

describe('a seat drafts a message', () => {
  it('goes to one other capital or to both, never to itself or to nobody', () => {
    expect(checkDraft('moscow', { to: ['pyongyang'], text: 'Shells for oil?' }, playing)).toEqual({
      ok: true,
      value: { to: ['pyongyang'], text: 'Shells for oil?', offerId: null },
    });
    const both = checkDraft('kyiv', { to: ['moscow', 'pyongyang'], text: 'Talk?', offerId: 3 }, playing);
    expect(both.ok && both.value).toEqual({ to: ['pyongyang', 'moscow'], text: 'Talk?', offerId: 3 });
    for (const to of [[], ['moscow'], ['kyiv', 'kyiv'], ['washington'], ['pyongyang', 'pyongyang']]) {
      const r = checkDraft('moscow', { to, text: 'x' }, playing);
      expect(r.ok ? 'sent' : r.error.code, JSON.stringify(to)).toBe('bad-addressee');
    }
  });

  it('holds at most a few hundred characters, counted as a person counts them', () => {
    const full = '🙂'.repeat(MESSAGE_MAX_CHARS);
    expect(checkDraft('moscow', { to: ['kyiv'], text: full }, playing).ok).toBe(true);
    const over = checkDraft('moscow', { to: ['kyiv'], text: `${full}a` }, playing);
    expect(!over.ok && over.error.code).toBe('bad-text');
    expect(MESSAGE_MAX_CHARS).toBeGreaterThanOrEqual(200);
    expect(MESSAGE_MAX_CHARS).toBeLessThanOrEqual(600);
  });

  it('keeps text as text: markup stays literal; disguising characters and blank text are refused', () => {
    const r = checkDraft('moscow', { to: ['kyiv'], text: '  <img src=x onerror=alert(1)>\r\nsecond line ' }, playing);
    expect(r.ok && r.value.text).toBe('<img src=x onerror=alert(1)>\nsecond line');
    for (const text of ['a\u202Eb', 'a\u0000b', 'a\u200Bb', ' \n ', '']) {
      const bad = checkDraft('moscow', { to: ['kyiv'], text }, playing);
      expect(!bad.ok && bad.error.code, JSON.stringify(text)).toBe('bad-text');
    }
  });

  it('is refused from a muted seat and once the game is over', () => {
    const muted = checkDraft('moscow', { to: ['kyiv'], text: 'hi' }, { muted: true, stage: 'playing' });
    expect(!muted.ok && muted.error.code).toBe('muted');
    const over = checkDraft('moscow', { to: ['kyiv'], text: 'hi' }, { muted: false, stage: 'debrief' });
    expect(!over.ok && over.error.code).toBe('game-over');
  });
});

describe('who reads a message', () => {
  const m = msg({ from: 'moscow', to: ['pyongyang'] });

  it('during the game: the sender, the addressees and the teacher, nobody else', () => {
    expect(canRead(m, { kind: 'seat', seat: 'moscow' }, 'playing')).toBe(true);
    expect(canRead(m, { kind: 'seat', seat: 'pyongyang' }, 'playing')).toBe(true);
    expect(canRead(m, { kind: 'seat', seat: 'kyiv' }, 'playing')).toBe(false);
    expect(canRead(m, { kind: 'teacher' }, 'playing')).toBe(true);
    expect(recipientsOf(m)).toEqual(['pyongyang', 'moscow']);
    expect(recipientsOf(msg({ from: 'kyiv', to: ['pyongyang', 'moscow'] }))).toEqual(['pyongyang', 'moscow', 'kyiv']);
  });

  it('at the debrief: the whole room reads every message', () => {
    expect(canRead(m, { kind: 'seat', seat: 'kyiv' }, 'debrief')).toBe(true);
  });

  it('a hidden message is kept for the teacher and shown to no student, at the debrief neither', () => {
    const h = msg({ hidden: true });
    for (const stage of ['playing', 'debrief'] as const) {
      expect(canRead(h, { kind: 'seat', seat: 'moscow' }, stage)).toBe(false);
      expect(canRead(h, { kind: 'seat', seat: 'pyongyang' }, stage)).toBe(false);
      expect(canRead(h, { kind: 'teacher' }, stage)).toBe(true);
    }
  });

  it('lists what a viewer may read, oldest first', () => {
    const all = [
      msg({ id: 'c', at: 30, from: 'kyiv', to: ['moscow'] }),
      msg({ id: 'a', at: 10, from: 'moscow', to: ['kyiv'] }),
      msg({ id: 'b', at: 20, from: 'pyongyang', to: ['moscow'] }),
    ];
    expect(readableMessages(all, { kind: 'seat', seat: 'kyiv' }, 'playing').map((x) => x.id)).toEqual(['a', 'c']);
    expect(readableMessages(all, { kind: 'seat', seat: 'kyiv' }, 'debrief').map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('message rate limit', () => {
  it('allows a burst, then one message per refill interval, per seat', () => {
    const limit = new MessageRateLimit();
    let now = 0;
    for (let i = 0; i < MESSAGE_RATE.burst; i++) expect(limit.take('r1:moscow', now)).toBe(0);
    const wait = limit.take('r1:moscow', now);
    expect(wait).toBe(MESSAGE_RATE.refillMs);
    expect(limit.take('r1:kyiv', now)).toBe(0);
    now += MESSAGE_RATE.refillMs - 1;
    expect(limit.take('r1:moscow', now)).toBeGreaterThan(0);
    now += 1;
    expect(limit.take('r1:moscow', now)).toBe(0);
    expect(limit.take('r1:moscow', now)).toBeGreaterThan(0);
    now += MESSAGE_RATE.refillMs * 100;
    for (let i = 0; i < MESSAGE_RATE.burst; i++) expect(limit.take('r1:moscow', now)).toBe(0);
    expect(limit.take('r1:moscow', now)).toBeGreaterThan(0);
  });
});

describe("the teacher's message export", () => {
  it('one row per message, hidden ones marked, text safe in a spreadsheet', () => {
    const csv = messagesCsv(
      [msg({ text: '=HYPERLINK("x")', hidden: true, offerId: 4, to: ['pyongyang', 'kyiv'] }), msg({ id: 'm2', text: 'plain, "quoted"\nline' })],
      () => 2,
      (c) => ({ pyongyang: 'Pyongyang', moscow: 'Moscow', kyiv: 'Kyiv' })[c] ?? c,
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('room,sent_at,turn,from,to,offer,hidden,text');
    expect(lines[1]).toBe(`2,1970-01-01T00:00:01.000Z,1,Moscow,Pyongyang and Kyiv,4,true,"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toBe('2,1970-01-01T00:00:01.000Z,1,Moscow,Pyongyang,,false,"plain, ""quoted""\nline"');
  });
});
