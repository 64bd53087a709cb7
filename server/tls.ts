import { X509Certificate } from "node:crypto";
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

/** A kept self-signed certificate is replaced this long before it expires. */
export const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;
/** How long a new self-signed certificate lasts. */
export const SELF_SIGNED_DAYS = 365;

/** When a PEM certificate stops being valid (epoch ms), or 0 if it cannot be read. */
export function certificateExpiry(pem: string): number {
  try {
    return Date.parse(new X509Certificate(pem).validTo);
  } catch {
    return 0;
  }
}

/** The operator's own certificate and key (TLS_CERT / TLS_KEY), read as they are. */
export function certificateFiles(files: { cert: string; key: string }): { key: string; cert: string } {
  return { key: fs.readFileSync(files.key, "utf8"), cert: fs.readFileSync(files.cert, "utf8") };
}

/**
 * A self-signed certificate for localhost and the LAN addresses, generated on first run and kept
 * in the data directory (cert.pem / key.pem), and generated anew when the kept one expires within
 * 30 days (or cannot be read). Headsets need HTTPS for WebXR on a LAN address; the browser will ask
 * to accept the certificate once (and again after a renewal). `renewed` says whether it is new.
 */
export async function selfSignedCertificate(dataDir: string, now = Date.now()): Promise<{ key: string; cert: string; renewed: boolean }> {
  const certFile = path.join(dataDir, "cert.pem");
  const keyFile = path.join(dataDir, "key.pem");
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const kept = { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8") };
    if (certificateExpiry(kept.cert) - now > RENEW_BEFORE_MS) return { ...kept, renewed: false };
  }
  const altNames = [
    { type: 2 as const, value: "localhost" },
    { type: 7 as const, ip: "127.0.0.1" },
    ...lanAddresses().map((ip) => ({ type: 7 as const, ip })),
  ];
  const pems = await generate([{ name: "commonName", value: "Breathing Room (local)" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + SELF_SIGNED_DAYS * 24 * 3600 * 1000),
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
  return { key: pems.private, cert: pems.cert, renewed: true };
}

/**
 * Check the kept self-signed certificate once a day while running, and serve a renewed one from
 * then on (new connections get it; open ones keep theirs). Returns a stop function.
 */
export function keepSelfSignedFresh(server: { setSecureContext(options: { key: string; cert: string }): void }, dataDir: string, everyMs = 24 * 3600 * 1000): () => void {
  const timer = setInterval(() => {
    selfSignedCertificate(dataDir).then(
      (pems) => {
        if (!pems.renewed) return;
        server.setSecureContext({ key: pems.key, cert: pems.cert });
        console.log("Renewed the self-signed certificate (browsers will ask to accept it again).");
      },
      (e: unknown) => console.error("could not renew the self-signed certificate:", (e as Error)?.message),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
