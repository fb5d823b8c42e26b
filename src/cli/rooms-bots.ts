/**
 * npm run rooms:bots -- --server URL --class CODE --rooms N [--bot NAME] [--think-ms N] [--json]
 *
 * Plays N whole class rooms through the real network protocol (one WebSocket per seat, the
 * computer player choosing each seat's orders from what that seat sees) against a running
 * server, and prints rooms finished, actions, order round trip p50/p99 (order sent → stored and
 * acknowledged), month-resolution broadcast p99 (the month's last order sent → each device has
 * the resolved month) and errors. Several servers: --server URL1,URL2 (taken in turn). With
 * --think-ms N every bot waits N ms before each order (a class's pace instead of full speed).
 */
import { playBotRooms } from '../session/room-bots';
import { parseArgs, positiveInt, run, UsageError } from './common';
import { wsSocket } from './ws-socket';

void run(async () => {
  const args = parseArgs(process.argv.slice(2), ['server', 'class', 'rooms', 'bot', 'timeout', 'think-ms']);
  const server = args.flags.get('server');
  const code = args.flags.get('class');
  if (typeof server !== 'string' || typeof code !== 'string') throw new UsageError('usage: rooms:bots -- --server URL --class CODE --rooms N [--think-ms N] [--json]');
  const origins = server.split(',').map((s) => s.trim().replace(/\/$/, ''));
  const bot = args.flags.get('bot');
  const report = await playBotRooms({
    origin: origins[0]!,
    origins,
    classCode: code,
    rooms: positiveInt(args.flags.get('rooms'), 'rooms', 1),
    makeSocket: wsSocket,
    timeoutMs: positiveInt(args.flags.get('timeout'), 'timeout', 600) * 1000,
    ...(args.flags.has('think-ms') ? { thinkMs: positiveInt(args.flags.get('think-ms'), 'think-ms', 500) } : {}),
    ...(typeof bot === 'string' ? { bot } : {}),
  });
  const { rooms, finished, actions, orderP50Ms, orderP99Ms, broadcastP99Ms, errors } = report;
  if (args.flags.has('json')) console.log(JSON.stringify({ rooms, finished, actions, orderP50Ms, orderP99Ms, broadcastP99Ms, errors }));
  else {
    console.log(`rooms ${rooms}, finished ${finished}, actions ${actions} (${report.refused} refused by the rules), errors ${errors}`);
    console.log(`order round trip p50 ${orderP50Ms} ms, p99 ${orderP99Ms} ms (own view p99 ${report.orderViewP99Ms} ms); month broadcast p99 ${broadcastP99Ms} ms; ${(report.wallMs / 1000).toFixed(1)} s`);
    for (const m of report.errorMessages) console.log(`  error: ${m}`);
  }
  return errors === 0 && finished === rooms ? 0 : 1;
});
