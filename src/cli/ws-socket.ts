/** Seat sockets in Node: the `ws` package's WebSocket, as the room client expects it. */
import WebSocket from 'ws';
import type { SocketLike } from '../session/room-client';

export const wsSocket = (url: string): SocketLike => new WebSocket(url) as unknown as SocketLike;
