/**
 * Messages between the capitals of a room: what a message may hold, who may read it when, and
 * how fast a seat may write. Pure (no clock, no database): the server, the student's Trade tab
 * and the teacher's console share these rules.
 *
 * Privacy is the rule that matters: during the game a message is read only by its sender, its
 * addressees and the teacher; at the debrief the room's whole archive is revealed to every seat
 * (the archive is the debrief's raw material). A message the teacher hides is kept, marked
 * hidden, and shown to no student, at the debrief neither.
 */
import { CAPITALS, type Capital } from '../engine/types';
import { SHOWN_TEXT, checkShownText } from '../text/shown-text';

/** Longest message, in characters (a few hundred: a proposal, not an essay). */
export const MESSAGE_MAX_CHARS = SHOWN_TEXT.chat.max;

/** Each seat may send a burst of this many messages, then one more every `refillMs`. */
export const MESSAGE_RATE = { burst: 5, refillMs: 6_000 } as const;

export interface RoomMessage {
  id: string;
  room: string;
  from: Capital;
  /** One other capital, or both (sorted in the scenario's capital order). */
  to: Capital[];
  /** The turn it was written in. */
  turn: number;
  text: string;
  /** The offer it was sent with, if any (the engine's offer number). */
  offerId: number | null;
  hidden: boolean;
  /** ms since 1970, the server's clock when stored. */
  at: number;
}

export type MessageViewer = { kind: 'seat'; seat: Capital } | { kind: 'teacher' };

/** `playing` until the room's game is over, then `debrief`. */
export type RoomStage = 'playing' | 'debrief';

export type MessageError =
  | { code: 'muted'; message: string }
  | { code: 'bad-text'; message: string }
  | { code: 'bad-addressee'; message: string }
  | { code: 'rate-limited'; message: string; retryAfterMs: number }
  | { code: 'game-over'; message: string };

export interface MessageDraft {
  to: readonly string[];
  text: string;
  offerId?: number | undefined;
}

export type CheckedDraft = { to: Capital[]; text: string; offerId: number | null };

/** Checks a seat's draft; returns the message to store, or why it cannot be sent. */
export function checkDraft(
  from: Capital,
  draft: MessageDraft,
  context: { muted: boolean; stage: RoomStage },
): { ok: true; value: CheckedDraft } | { ok: false; error: MessageError } {
  if (context.stage !== 'playing')
    return { ok: false, error: { code: 'game-over', message: 'the game is over: messages are closed' } };
  if (context.muted)
    return { ok: false, error: { code: 'muted', message: 'your teacher has paused your messages for now' } };
  // The project's one rule for typed text others read: invisible, control and direction
  // characters are refused (they disguise text), length is counted as a person counts it.
  const checked = checkShownText(draft.text, 'chat');
  if (!checked.ok) return { ok: false, error: { code: 'bad-text', message: checked.message } };
  const text = checked.value;
  const wanted = new Set(draft.to);
  const to = CAPITALS.filter((c) => wanted.has(c));
  if (to.length === 0 || to.length !== wanted.size || to.length !== draft.to.length)
    return { ok: false, error: { code: 'bad-addressee', message: 'send a message to one or both of the other capitals' } };
  if (to.includes(from))
    return { ok: false, error: { code: 'bad-addressee', message: 'a capital cannot send a message to itself' } };
  return { ok: true, value: { to, text, offerId: draft.offerId ?? null } };
}

/** Whether `viewer` may read `m` at this stage of the room's game. */
export function canRead(m: RoomMessage, viewer: MessageViewer, stage: RoomStage): boolean {
  if (viewer.kind === 'teacher') return true;
  if (m.hidden) return false;
  if (stage === 'debrief') return true;
  return m.from === viewer.seat || m.to.includes(viewer.seat);
}

/** The messages `viewer` may read, oldest first. */
export function readableMessages(all: readonly RoomMessage[], viewer: MessageViewer, stage: RoomStage): RoomMessage[] {
  return all.filter((m) => canRead(m, viewer, stage)).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/** Which capitals' devices must hear of a new message now: its sender and addressees. */
export function recipientsOf(m: RoomMessage): Capital[] {
  return CAPITALS.filter((c) => c === m.from || m.to.includes(c));
}

/**
 * A token bucket per seat (burst, then one message per `refillMs`). The caller passes the time,
 * so tests drive it with a fake clock.
 */
export class MessageRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number = MESSAGE_RATE.burst,
    private readonly refillMs: number = MESSAGE_RATE.refillMs,
  ) {}

  /** Takes one message's worth for `key` at `now`: 0 if allowed, else ms until the next is. */
  take(key: string, now: number): number {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const refilled = Math.min(this.burst, b.tokens + Math.max(0, now - b.at) / this.refillMs);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return Math.ceil((1 - refilled) * this.refillMs);
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    return 0;
  }

  /** Forgets a key (a room that has finished). */
  forget(prefix: string): void {
    for (const k of this.buckets.keys()) if (k.startsWith(prefix)) this.buckets.delete(k);
  }
}

/** "Moscow to Pyongyang and Kyiv · turn 3 · about offer 4": the line above a message. */
export function messageHeading(m: RoomMessage, names: Record<Capital, string>): string {
  const to = m.to.map((c) => names[c]).join(' and ');
  return `${names[m.from]} to ${to} · turn ${m.turn}${m.offerId !== null ? ` · with offer ${m.offerId}` : ''}`;
}
