/** One finished solo session, kept only in this browser's IndexedDB. */
export interface SessionRecord {
  /** assigned by the database */
  id?: number;
  /** when the session ended, epoch ms */
  date: number;
  exerciseId: string;
  exerciseName: string;
  /** minutes practised, excluding pauses, to 0.1 min */
  minutes: number;
  /** check-in 0..10, null when skipped */
  before: number | null;
  /** check-out 0..10, null when skipped */
  after: number | null;
}

const DB_NAME = "breathing-room";
const DB_VERSION = 1;
const STORE = "sessions";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
  };
  return request(req);
}

/** Run one transaction and close the connection, so "delete all" and other tabs are never blocked. */
async function withStore<T>(mode: IDBTransactionMode, factory: IDBFactory, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open(factory);
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(work(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    });
    return result;
  } finally {
    db.close();
  }
}

/** The browser's IndexedDB, or undefined (e.g. some private modes). */
const defaultFactory = (): IDBFactory | undefined => globalThis.indexedDB;

/** Store a session; resolves to its id. */
export async function saveSession(record: Omit<SessionRecord, "id">, factory = defaultFactory()): Promise<number> {
  if (!factory) throw new Error("History is not available in this browser.");
  return Number(await withStore("readwrite", factory, (s) => s.add(record)));
}

/** All sessions, newest first. */
export async function listSessions(factory = defaultFactory()): Promise<SessionRecord[]> {
  if (!factory) return [];
  const all = await withStore<SessionRecord[]>("readonly", factory, (s) => s.getAll());
  return all.sort((a, b) => b.date - a.date);
}

/** Delete every stored session. */
export async function clearHistory(factory = defaultFactory()): Promise<void> {
  if (!factory) return;
  await withStore("readwrite", factory, (s) => s.clear());
}
