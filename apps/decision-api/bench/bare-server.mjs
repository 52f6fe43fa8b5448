// The bench's yardstick: a bare node:http endpoint that reads the JSON body and answers a small
// JSON object, with /healthz, and nothing else.
import { createServer } from "node:http";

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body =
      req.url === "/healthz"
        ? { status: "ok" }
        : { decision: "Allow", size: Buffer.concat(chunks).length };
    const text = JSON.stringify(body);
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  });
});
server.listen(Number(process.env.PORT), process.env.HOST);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
