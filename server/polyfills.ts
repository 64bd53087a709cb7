import { WebSocket } from "ws";

// @colyseus/core reads the global WebSocket.OPEN during reconnection; Node 20 has no global
// WebSocket. Imported first by the entry and by app.ts so it runs before any Colyseus code.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
