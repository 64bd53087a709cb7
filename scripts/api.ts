// The HTTP API from Node, for tests and benchmarks that set up a facilitator and a session without
// the facilitator pages.

/** POST JSON to the app's API (with a facilitator's token if given); throws on any error answer. */
export async function postJson<T>(baseURL: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(new URL(path, baseURL), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A facilitator's short-lived room token (rooms accept only these), traded for their sign-in. */
export async function roomToken(baseURL: string, signIn: string): Promise<string> {
  return (await postJson<{ token: string }>(baseURL, "/api/auth/room-token", {}, signIn)).token;
}

/** Any API call, whatever it answers: the status and the parsed JSON body (null when there is none). */
export async function callApi(
  baseURL: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> | null }> {
  const res = await fetch(new URL(path, baseURL), {
    method,
    headers: { "content-type": "application/json", ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
