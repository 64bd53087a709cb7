/**
 * Create a facilitator invite from the command line: `npm run invite -- [email]`.
 * Prints the one-time invite token; only its hash is stored.
 */
import path from "node:path";
import { z } from "zod";
import { createInvite } from "../http/authRoutes";
import { openStore } from "../store/openStore";

const arg = process.argv[2];
const email = arg ? z.email().safeParse(arg.trim().toLowerCase()) : null;
if (email && !email.success) {
  console.error(`Not an email address: ${arg}`);
  process.exit(1);
}
const store = openStore({ dataDir: path.resolve(process.env.DATA_DIR ?? "data"), databaseUrl: process.env.DATABASE_URL });
try {
  const { invite, expiresAt } = createInvite(store, null, email?.data ?? null);
  console.log(`Invite: ${invite}`);
  console.log(`Valid until ${new Date(expiresAt).toISOString()}${email ? ` for ${email.data}` : ""}.`);
  console.log("Sign up at /facilitate with this invite.");
} finally {
  store.close();
}
