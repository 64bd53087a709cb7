import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate } from "selfsigned";

/** The machine's non-internal IPv4 addresses (read locally; nothing is contacted). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) out.push(a.address);
  }
  return out;
}

/**
 * A self-signed certificate for localhost and the LAN addresses, generated on first run and kept
 * in the data directory (cert.pem / key.pem). Headsets need HTTPS for WebXR on a LAN address;
 * the browser will ask to accept the certificate once.
 */
export async function selfSignedCertificate(dataDir: string): Promise<{ key: string; cert: string }> {
  const certFile = path.join(dataDir, "cert.pem");
  const keyFile = path.join(dataDir, "key.pem");
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    return { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8") };
  }
  const altNames = [
    { type: 2 as const, value: "localhost" },
    { type: 7 as const, ip: "127.0.0.1" },
    ...lanAddresses().map((ip) => ({ type: 7 as const, ip })),
  ];
  const pems = await generate([{ name: "commonName", value: "Breathing Room (local)" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + 365 * 24 * 3600 * 1000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames },
    ],
  });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}
