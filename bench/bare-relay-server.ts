// Baseline for the collaboration benchmark: the least a WebSocket relay can do — rebroadcast every
// message to the room's other sockets — with no protocol, no authorisation and no storage.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const server = createServer();
const wss = new WebSocketServer({ server });
const rooms = new Map<string, Set<WebSocket>>();
wss.on('connection', (socket, request) => {
  const room = request.url ?? '/';
  const members = rooms.get(room) ?? new Set<WebSocket>();
  rooms.set(room, members);
  members.add(socket);
  socket.on('message', (data, isBinary) => {
    for (const other of members) if (other !== socket) other.send(data, { binary: isBinary });
  });
  socket.on('close', () => members.delete(socket));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`Bare relay listening at http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
