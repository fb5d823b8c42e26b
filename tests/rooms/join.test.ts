import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinSeats } from '../../src/session/room-bots';
import { call, post, startTestServer, type TestServer } from '../server/helpers';
import { newClass, rawSeat } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite');
});
afterAll(async () => {
  await server?.close();
});

const put = (url: string, body: unknown, key?: string) => call('PUT', url, body, key ? { 'x-moderation-key': key } : {});

describe('joining a class’s rooms', () => {
  it('fills rooms of three in join order, one capital each, and starts a full room', async () => {
    const { code } = await newClass(server.url);
    const seats = await joinSeats(server.url, code, 4, 'J');
    expect(seats.map((s) => s.seat)).toEqual(['pyongyang', 'moscow', 'kyiv', 'pyongyang']);
    expect(new Set(seats.slice(0, 3).map((s) => s.roomId)).size).toBe(1);
    expect(seats[3]!.roomId).not.toBe(seats[0]!.roomId);
    const s = await rawSeat(server.url, seats[0]!.token);
    const w = await s.next('welcome');
    expect((w['room'] as { phase: string; number: number }).phase).toBe('playing');
    s.ws.close();
  });

  it('rooms of two: the teacher’s chosen capital is the computer’s; a seat assigned by name goes to its student', async () => {
    const { code, key } = await newClass(server.url);
    expect((await put(`${server.url}/api/classes/${code}/rooms/settings`, { size: 2, fill: 'names', computerSeat: 'moscow', assignments: [{ pseudonym: 'Kim', room: 1, seat: 'kyiv' }] })).status).toBe(401);
    const r = await put(`${server.url}/api/classes/${code}/rooms/settings`, { size: 2, fill: 'names', computerSeat: 'moscow', assignments: [{ pseudonym: 'Kim', room: 1, seat: 'kyiv' }] }, key);
    expect(r.status).toBe(200);
    const first = await joinSeats(server.url, code, 1, 'Other');
    expect(first[0]!.seat).toBe('pyongyang');
    const kim = await post(`${server.url}/api/classes/${code}/join`, { pseudonym: ' kim ' });
    expect(kim.status).toBe(201);
    expect(kim.json).toMatchObject({ seat: 'kyiv', room: { number: 1 } });
    expect(kim.json['resumeCode']).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const s = await rawSeat(server.url, first[0]!.token);
    const w = await s.next('welcome');
    const room = w['room'] as { phase: string; seats: { capital: string; kind: string }[] };
    expect(room.phase).toBe('playing');
    expect(room.seats.map((x) => x.kind)).toEqual(['human', 'computer', 'human']);
    s.ws.close();
  });

  it('a late student takes back a computer seat: it becomes theirs when the month ends', async () => {
    const { code } = await newClass(server.url);
    const [p] = await joinSeats(server.url, code, 1, 'Early');
    const ps = await rawSeat(server.url, p!.token);
    await ps.next('welcome');
    ps.send({ type: 'start', id: 'go' });
    await ps.next('ack');
    const [late] = await joinSeats(server.url, code, 1, 'Late');
    expect(late).toMatchObject({ roomId: p!.roomId, seat: 'moscow' });
    const ms = await rawSeat(server.url, late!.token);
    const w = await ms.next('welcome');
    expect((w['room'] as { seats: { claimed: boolean }[] }).seats[1]!.claimed).toBe(true);
    ms.send({ type: 'order', id: 'x', action: { type: 'endTurn', seat: 'moscow' } });
    expect(await ms.next('error')).toMatchObject({ code: 'refused' });
    ps.send({ type: 'order', id: 'e1', action: { type: 'endTurn', seat: 'pyongyang' } });
    for (;;) {
      const u = await ms.next('update');
      const room = u['room'] as { turn: number; seats: { kind: string }[] };
      if (room.turn === 2) {
        expect(room.seats[1]!.kind).toBe('human');
        break;
      }
    }
    ms.send({ type: 'order', id: 'y', action: { type: 'endTurn', seat: 'moscow' } });
    expect(await ms.next('ack')).toMatchObject({ id: 'y' });
    ps.ws.close();
    ms.ws.close();
  });

  it('refuses a bad pseudonym and an unknown class', async () => {
    const { code } = await newClass(server.url);
    expect((await post(`${server.url}/api/classes/${code}/join`, { pseudonym: 'see www.evil.com' })).json).toMatchObject({ error: 'invalid-pseudonym' });
    expect((await post(`${server.url}/api/classes/ZZZZZZ/join`, { pseudonym: 'Ann' })).status).toBe(404);
    expect((await post(`${server.url}/api/classes/${code}/join`, { pseudonym: 'Ann', extra: 1 })).status).toBe(400);
  });
});
