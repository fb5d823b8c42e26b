/**
 * The instructor's class-room settings, in the moderation panel: rooms of three students or two
 * and the computer, and whether rooms fill in the order students join or by the names the
 * instructor assigns. Saving them turns the class link into the rooms' join page.
 */
import { h } from './dom';

const CAPITALS = [
  ['pyongyang', 'Pyongyang'],
  ['moscow', 'Moscow'],
  ['kyiv', 'Kyiv'],
] as const;

interface Settings {
  size: 2 | 3;
  fill: 'order' | 'names';
  computerSeat: string;
  assignments: { pseudonym: string; room: number; seat: string }[];
  enabled?: boolean;
}

/** "Ana, 1, Moscow" lines → assignments; the first bad line is reported. */
export function parseAssignments(text: string): Settings['assignments'] | string {
  const out: Settings['assignments'] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(',').map((p) => p.trim());
    const seat = CAPITALS.find(([, name]) => name.toLowerCase() === (parts[2] ?? '').toLowerCase());
    const room = Number(parts[1]);
    if (parts.length !== 3 || !parts[0] || !Number.isInteger(room) || room < 1 || !seat)
      return `Line ${i + 1} should read “name, room number, capital”, e.g. “Blue Fox, 1, Moscow”.`;
    out.push({ pseudonym: parts[0], room, seat: seat[0] });
  }
  return out;
}

export function roomSettingsForm(code: string, key: string): HTMLElement {
  const status = h('p', { class: 'mod-status', role: 'status' });
  const radio = (name: string, value: string, label: string) =>
    h('label', { class: 'check' }, h('input', { type: 'radio', name, value }), ` ${label}`);
  const sizes = h('fieldset', {}, h('legend', {}, 'Rooms'), radio('room-size', '3', 'Three students a room'), radio('room-size', '2', 'Two students and the computer'));
  const computer = h('select', { id: 'room-computer' }, ...CAPITALS.map(([v, n]) => h('option', { value: v }, n)));
  const fills = h(
    'fieldset',
    {},
    h('legend', {}, 'Who plays with whom'),
    radio('room-fill', 'order', 'Fill rooms in the order students join'),
    radio('room-fill', 'names', 'Assign seats by name (below); others fill in join order'),
  );
  const names = h('textarea', { id: 'room-names', rows: 4, cols: 36, placeholder: 'Blue Fox, 1, Pyongyang\nRed Owl, 1, Moscow' });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save room settings');
  const form = h(
    'form',
    { class: 'room-settings', novalidate: true, 'aria-labelledby': 'room-settings-h' },
    h('h3', { id: 'room-settings-h' }, 'Class rooms: each student on their own device'),
    h('p', {}, 'Once saved, the class link places each student in a room and a seat. A room short of players gets the computer in the empty seat; a student can take it back between months.'),
    sizes,
    h('p', {}, h('label', { for: 'room-computer' }, 'In rooms of two the computer plays '), computer),
    fills,
    h('p', {}, h('label', { for: 'room-names' }, 'Seats by name, one a line: name, room number, capital')),
    names,
    h('p', {}, save, ' ', h('a', { href: `/results?console=${code}` }, 'Open the teacher’s console')),
    status,
  );
  const pick = (name: string, value: string) => {
    const el = form.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
    if (el) el.checked = true;
  };
  void fetch(`/api/classes/${code}/rooms/settings`)
    .then((r) => r.json() as Promise<Settings>)
    .then((s) => {
      pick('room-size', String(s.size));
      pick('room-fill', s.fill);
      computer.value = s.computerSeat;
      names.value = s.assignments.map((a) => `${a.pseudonym}, ${a.room}, ${CAPITALS.find(([v]) => v === a.seat)?.[1] ?? ''}`).join('\n');
      status.textContent = s.enabled ? 'Rooms are on for this class.' : 'Rooms are off: students play alone or hot-seat until you save these settings.';
    })
    .catch(() => (status.textContent = 'The room settings could not be loaded.'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const assignments = parseAssignments(names.value);
    if (typeof assignments === 'string') {
      status.textContent = assignments;
      names.focus();
      return;
    }
    const size = form.querySelector<HTMLInputElement>('input[name="room-size"]:checked')?.value === '2' ? 2 : 3;
    const fill = form.querySelector<HTMLInputElement>('input[name="room-fill"]:checked')?.value === 'names' ? 'names' : 'order';
    save.disabled = true;
    void fetch(`/api/classes/${code}/rooms/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-moderation-key': key },
      body: JSON.stringify({ size, fill, computerSeat: computer.value, assignments }),
    })
      .then(async (r) => {
        const body = (await r.json()) as { message?: string };
        status.textContent = r.ok ? `Saved: rooms of ${size === 3 ? 'three students' : 'two students and the computer'}, ${fill === 'order' ? 'filled in join order' : 'seats by name first'}.` : `Could not save: ${body.message ?? r.status}.`;
      })
      .catch(() => (status.textContent = 'Could not save: the server cannot be reached.'))
      .finally(() => (save.disabled = false));
  });
  return form;
}
