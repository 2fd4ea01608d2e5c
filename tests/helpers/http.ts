/** Raw HTTP to the workbench server on loopback, for the server, security, fault and fuzz tests. */
import { request, type IncomingHttpHeaders } from "node:http";

export interface RawReply {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the fields it expects
  json: any;
  headers: IncomingHttpHeaders;
}

/**
 * One request, with the path and headers sent exactly as written (so a test
 * can send `..`, encoded separators or a foreign Host); Host defaults to the
 * server's own. A fresh connection each time (no keep-alive agent).
 */
export function rawRequest(port: number, method: string, path: string, opts: { headers?: Record<string, string>; body?: string } = {}): Promise<RawReply> {
  return new Promise((ok, fail) => {
    const given = opts.headers ?? {};
    const headers = Object.keys(given).some((k) => k.toLowerCase() === "host") ? given : { Host: `127.0.0.1:${port}`, ...given };
    const req = request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        ok({ status: res.statusCode ?? 0, text, json, headers: res.headers });
      });
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end(opts.body);
  });
}
