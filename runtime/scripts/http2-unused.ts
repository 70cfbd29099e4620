// Stands in for `node:http2` in the production build. @hono/node-server imports it only to ask
// `incoming instanceof Http2ServerRequest` and to close an HTTP/2 stream; Careloom listens with
// node:http (server.ts), behind a proxy that terminates TLS and HTTP/2, so no request is ever an
// HTTP/2 one. Loading Node's HTTP/2 module cost about 20 ms of every start.
export class Http2ServerRequest {
  private constructor() {}
}

export const constants = { NGHTTP2_NO_ERROR: 0 };
