/** The teacher's export of a class's messages: one row per message, hidden ones marked. */
import type { RoomMessage } from '../../rooms/messages';
import { csvCell } from '../csv';

export function messagesCsv(messages: readonly RoomMessage[], roomNumber: (room: string) => number | null, capitalName: (c: string) => string): string {
  const header = ['room', 'sent_at', 'turn', 'from', 'to', 'offer', 'hidden', 'text'];
  const lines = [header.map(csvCell).join(',')];
  for (const m of messages)
    lines.push(
      [
        roomNumber(m.room) ?? m.room,
        new Date(m.at).toISOString(),
        m.turn,
        capitalName(m.from),
        m.to.map(capitalName).join(' and '),
        m.offerId,
        m.hidden,
        m.text,
      ]
        .map(csvCell)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
